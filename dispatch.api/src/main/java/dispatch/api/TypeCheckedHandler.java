package dispatch.api;

/**
 * Adapts a {@link TypedHandler} to a {@link Handler}: checks the command's type, so that a wrong
 * one is an {@code invalid-argument} result naming what was expected rather than a
 * {@link ClassCastException} from the handler. For a final command type (records are) the check
 * is one class comparison, the one a raw handler's cast makes anyway ({@code SameThreadYieldBench}
 * measures both).
 */
record TypeCheckedHandler<C extends Command<?>>(int id, Class<C> type, TypedHandler<? super C> handler)
        implements Handler {

    @Override
    public void handle(YieldContext context, Command<?> command, long tag, ResultReceiver receiver) throws Exception {
        if (!type.isInstance(command)) {
            throw new DispatchException(DispatchException.INVALID_ARGUMENT, "command ID " + id + " expects a "
                    + type.getName() + ", got " + (command == null ? "null" : "a " + command.getClass().getName()));
        }
        @SuppressWarnings("unchecked") // checked just above; Class.cast would check it a second time
        C typed = (C) command;
        handler.handle(context, typed, tag, receiver);
    }
}
