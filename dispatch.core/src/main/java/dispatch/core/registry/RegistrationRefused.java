package dispatch.core.registry;

/** A dispatcher's registration was refused as a whole; the message says why, naming both sides. */
public final class RegistrationRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public RegistrationRefused(String message) {
        super(message);
    }
}
