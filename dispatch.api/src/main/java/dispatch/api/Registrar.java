package dispatch.api;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Collects a dispatcher's handlers. Claiming an ID another module already holds, or an ID
 * in a range reserved for another module, fails the registration of the whole dispatcher
 * with a message naming the ID and both claimants.
 *
 * <p>Register a {@link TypedHandler} with the command's class: the handler gets the command as
 * its type, and a command of another type yielded with the same ID fails the yield with
 * {@link DispatchException#INVALID_ARGUMENT} (naming the ID, the expected and the actual type)
 * before the handler sees it:
 *
 * <pre>
 * registrar.register(Get.ID, Get.class, (context, get, tag, receiver) -&gt; receiver.complete(tag, store.get(get.key())));
 * </pre>
 *
 * The class of a generic command type is raw ({@code Exec.class}); pass it as the reifiable
 * wildcard type, {@code (Class<Exec<?>>) (Class<?>) Exec.class}, for a handler of {@code Exec<?>}.
 *
 * <p>A raw {@link Handler} ({@link #register(int, String, Handler)}) gets every command yielded
 * with its ID as it comes, for a handler that serves several types or none in particular.
 */
@ProviderType
public interface Registrar {

    /**
     * Registers a raw handler: it gets any command yielded with {@code id} and checks its type itself.
     *
     * @param id          the command ID, 1..65535
     * @param commandName a human name for listings, e.g. {@code "Sleep"}
     * @param handler     the handler
     */
    void register(int id, String commandName, Handler handler);

    /**
     * Registers a typed handler, named in listings after the command's type (its simple name).
     *
     * @param id          the command ID, 1..65535
     * @param commandType the command's class: a command of another type fails with {@code invalid-argument}
     * @param handler     the handler
     * @param <C>         the command type
     * @since 1.1
     */
    default <C extends Command<?>> void register(int id, Class<C> commandType, TypedHandler<? super C> handler) {
        register(id, Objects.requireNonNull(commandType, "command type").getSimpleName(), commandType, handler);
    }

    /**
     * Registers a typed handler under a name of its own in listings, e.g. {@code "KvGet"} where the
     * type's simple name ({@code Get}) says too little.
     *
     * @param id          the command ID, 1..65535
     * @param commandName a human name for listings
     * @param commandType the command's class: a command of another type fails with {@code invalid-argument}
     * @param handler     the handler
     * @param <C>         the command type
     * @since 1.1
     */
    default <C extends Command<?>> void register(int id, String commandName, Class<C> commandType,
            TypedHandler<? super C> handler) {
        Objects.requireNonNull(commandType, "command type");
        register(id, commandName, handler == null ? null : new TypeCheckedHandler<>(id, commandType, handler));
    }
}
