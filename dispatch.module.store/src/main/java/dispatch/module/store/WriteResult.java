package dispatch.module.store;

/**
 * The result of a conditional write ({@link CompareAndSet}, {@link PutIfAbsent}).
 *
 * @param written whether the command wrote its value
 * @param entry   the entry the key has now: the one written, or the one that stopped the write
 */
public record WriteResult(boolean written, Entry entry) {
}
