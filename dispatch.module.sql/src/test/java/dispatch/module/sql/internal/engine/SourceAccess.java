package dispatch.module.sql.internal.engine;

/** Opens package-private decisions of the engine to the tests of the module. */
public final class SourceAccess {

    private SourceAccess() {
    }

    public static boolean embeddedH2OnFiles(String url) {
        return Source.embeddedH2OnFiles(url);
    }
}
