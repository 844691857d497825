package dispatch.module.sql.internal.engine;

import java.util.function.IntSupplier;

/** Opens package-private decisions of the engine to the tests of the module. */
public final class SourceAccess {

    private SourceAccess() {
    }

    public static boolean embeddedH2OnFiles(String url) {
        return Source.embeddedH2OnFiles(url);
    }

    /** How many statements the named datasource keeps now, asked again on each call (also after it left). */
    public static IntSupplier keptStatements(SqlEngine engine, String datasource) {
        StatementCache statements = engine.source(datasource).statements;
        return statements::size;
    }

    /** Closes the kept statements of the named datasource, as its leaving does. */
    public static void closeKeptStatements(SqlEngine engine, String datasource) {
        engine.source(datasource).statements.close();
    }
}
