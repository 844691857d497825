package dispatch.module.sql.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dispatch.module.sql.Column;
import dispatch.module.sql.CursorClose;
import dispatch.module.sql.CursorHandle;
import dispatch.module.sql.Execute;
import dispatch.module.sql.ExecuteResult;
import dispatch.module.sql.Fetch;
import dispatch.module.sql.Keys;
import dispatch.module.sql.Options;
import dispatch.module.sql.Prepare;
import dispatch.module.sql.Query;
import dispatch.module.sql.Rows;
import dispatch.module.sql.SqlFailure;
import dispatch.module.sql.StatementHandle;
import dispatch.module.sql.StmtClose;
import dispatch.module.sql.StmtExecute;
import dispatch.module.sql.StmtQuery;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.Test;

/** Queries, updates, generated keys, value mapping, max rows and pages, on H2 in memory. */
public class QueryTest extends CallerModes {

    @Override
    protected String database() {
        return "query";
    }

    private <R> R call(dispatch.api.Command<R> command) {
        return sql.call(process, command);
    }

    @Test
    public void valuesRoundTripWithSensibleJavaTypes() throws Exception {
        call(Execute.on("h2", "CREATE TABLE typed (id INT PRIMARY KEY, big BIGINT, amount DECIMAL(10,2), "
                + "txt VARCHAR(100), bin VARBINARY(10), dt DATE, tm TIME, ts TIMESTAMP, tstz TIMESTAMP WITH TIME ZONE, "
                + "flag BOOLEAN, dbl DOUBLE PRECISION, u UUID, small SMALLINT, r REAL)"));
        UUID uuid = UUID.randomUUID();
        OffsetDateTime zoned = OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.ofHours(2));
        ExecuteResult inserted = call(Execute.on("h2", "INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                1, 9_000_000_000L, new BigDecimal("12.34"), "héllo", new byte[] {1, 2, 3}, LocalDate.of(2024, 2, 29),
                LocalTime.of(13, 14, 15), LocalDateTime.of(2024, 2, 29, 13, 14, 15), zoned, true, 2.5, uuid,
                (short) 7, 1.5f));
        assertEquals(1, inserted.rowsAffected());
        call(Execute.on("h2", "INSERT INTO typed (id) VALUES (?)", 2));

        Rows rows = call(Query.on("h2", "SELECT * FROM typed ORDER BY id"));
        assertEquals(2, rows.size());
        assertFalse(rows.hasMore());
        assertEquals(14, rows.columns().size());
        assertEquals(new Column("ID", Types.INTEGER, "INTEGER"), rows.columns().get(0));
        assertEquals(JDBCType.DECIMAL, rows.columns().get(rows.indexOf("amount")).jdbcType());
        assertEquals(1, rows.get(0, "id"));
        assertEquals(9_000_000_000L, rows.get(0, "big"));
        assertEquals(new BigDecimal("12.34"), rows.get(0, "amount"));
        assertEquals("héllo", rows.get(0, "txt"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) rows.get(0, "bin"));
        assertEquals(LocalDate.of(2024, 2, 29), rows.get(0, "dt"));
        assertEquals(LocalTime.of(13, 14, 15), rows.get(0, "tm"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15), rows.get(0, "ts"));
        assertEquals(zoned.toInstant(), ((OffsetDateTime) rows.get(0, "tstz")).toInstant());
        assertEquals(Boolean.TRUE, rows.get(0, "flag"));
        assertEquals(2.5, rows.get(0, "dbl"));
        assertEquals(uuid, rows.get(0, "u"));
        assertEquals(7, rows.get(0, "small"));
        assertEquals(1.5f, rows.get(0, "r"));
        for (int column = 1; column < 14; column++) {
            assertNull("SQL NULL in column " + rows.columns().get(column), rows.get(1, column));
        }
        sql.assertNoConnectionInUse();
    }

    @Test
    public void parametersAreBoundNeverSpliced() {
        call(Execute.on("h2", "CREATE TABLE names (name VARCHAR(100))"));
        String hostile = "x'); DROP TABLE names; --";
        call(Execute.on("h2", "INSERT INTO names VALUES (?)", hostile));
        Rows rows = call(Query.on("h2", "SELECT name FROM names WHERE name = ?", hostile));
        assertEquals(hostile, rows.get(0, 0));
        Rows nulls = call(Query.on("h2", "SELECT COUNT(*) FROM names WHERE name = ? OR ? IS NULL", null, null));
        assertEquals(1L, nulls.get(0, 0));
    }

    @Test
    public void theSameQueryAfterASchemaChangeDescribesTheNewColumns() {
        call(Execute.on("h2", "CREATE TABLE evolving (id INT PRIMARY KEY, label VARCHAR(20))"));
        call(Execute.on("h2", "INSERT INTO evolving VALUES (1, 'one')"));
        String everything = "SELECT * FROM evolving";
        assertEquals(2, call(Query.on("h2", everything)).columns().size());

        call(Execute.on("h2", "ALTER TABLE evolving ADD COLUMN amount DECIMAL(10,2) DEFAULT 2.50"));
        Rows added = call(Query.on("h2", everything));
        assertEquals(new Column("AMOUNT", Types.DECIMAL, "DECIMAL"), added.columns().get(2));
        assertEquals(new BigDecimal("2.50"), added.get(0, "amount"));

        call(Execute.on("h2", "UPDATE evolving SET label = NULL"));
        call(Execute.on("h2", "ALTER TABLE evolving ALTER COLUMN label BIGINT"));
        call(Execute.on("h2", "UPDATE evolving SET label = ?", 9_000_000_000L));
        Rows retyped = call(Query.on("h2", everything));
        assertEquals(Types.BIGINT, retyped.columns().get(1).sqlType());
        assertEquals(9_000_000_000L, retyped.get(0, "label"));
    }

    @Test
    public void executeReturnsGeneratedKeysWhenAsked() throws Exception {
        call(Execute.on("h2", "CREATE TABLE items (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name VARCHAR(20))"));
        ExecuteResult plain = call(Execute.on("h2", "INSERT INTO items (name) VALUES (?)", "a"));
        assertEquals(1, plain.rowsAffected());
        assertTrue(plain.keys().isEmpty());

        ExecuteResult generated = call(Execute.on("h2", "INSERT INTO items (name) VALUES (?)", "b").returning(Keys.GENERATED));
        assertEquals(1, generated.keys().size());
        assertEquals(2L, generated.keys().get(0, "id"));

        ExecuteResult named = call(Execute.on("h2", "INSERT INTO items (name) VALUES (?), (?)", "c", "d")
                .returning(Keys.columns("ID")));
        assertEquals(2, named.rowsAffected());
        assertEquals(3L, named.keys().get(0, 0));
        assertEquals(4L, named.keys().get(1, 0));

        ExecuteResult updated = call(Execute.on("h2", "UPDATE items SET name = ? WHERE id > ?", "z", 1));
        assertEquals(3, updated.rowsAffected());
        sql.assertNoConnectionInUse();
    }

    @Test
    public void preparedStatementsRunManyTimesAndClose() throws Exception {
        call(Execute.on("h2", "CREATE TABLE squares (n INT PRIMARY KEY, sq INT)"));
        StatementHandle insert = call(Prepare.on("h2", "INSERT INTO squares VALUES (?, ?)"));
        assertFalse(insert.inTransaction());
        for (int n = 1; n <= 10; n++) {
            assertEquals(1, call(StmtExecute.of(insert, n, n * n)).rowsAffected());
        }
        StatementHandle select = call(Prepare.on("h2", "SELECT sq FROM squares WHERE n = ?"));
        assertEquals(49, call(StmtQuery.of(select, 7)).get(0, 0));
        assertEquals(100, call(StmtQuery.of(select, 10)).get(0, 0));
        call(new StmtClose(insert));
        call(new StmtClose(select));
        SqlFailure closed = sql.failure(process, StmtQuery.of(select, 1), SqlFailure.class);
        assertEquals(SqlFailure.UNKNOWN_HANDLE, closed.code());
        assertEquals("26000", closed.sqlState());
        sql.assertNoConnectionInUse();
    }

    @Test
    public void moreRowsThanTheCapFailClearlyAndNothingLeaks() throws Exception {
        fill(25);
        SqlFailure tooMany = sql.failure(process, Query.on("h2", "SELECT n FROM numbers").with(Options.DEFAULT.withMaxRows(10)),
                SqlFailure.class);
        assertEquals(SqlFailure.TOO_MANY_ROWS, tooMany.code());
        assertEquals("54000", tooMany.sqlState());
        assertTrue(tooMany.getMessage(), tooMany.getMessage().contains("more than 10 rows"));
        assertEquals(25, call(Query.on("h2", "SELECT n FROM numbers").with(Options.DEFAULT.withMaxRows(25))).size());
        // the datasource's own cap (1000 in the harness) applies when the command gives none
        fill2(1_001);
        assertEquals(SqlFailure.TOO_MANY_ROWS, sql.failure(process, Query.on("h2", "SELECT n FROM more"), SqlFailure.class).code());
        sql.assertNoConnectionInUse();
    }

    @Test
    public void aLargeResultIsReadInPagesThroughACursor() throws Exception {
        fill(95);
        Rows page = call(Query.on("h2", "SELECT n FROM numbers ORDER BY n").with(Options.paged(20)));
        int seen = 0;
        int pages = 1;
        CursorHandle first = page.cursor();
        assertNotNull(first);
        assertEquals("a cursor holds its connection", 1, sql.pool.inUse());
        while (true) {
            for (int i = 0; i < page.size(); i++) {
                assertEquals(++seen, page.get(i, 0));
            }
            if (!page.hasMore()) {
                break;
            }
            assertEquals(20, page.size());
            page = call(new Fetch(page.cursor()));
            pages++;
        }
        assertEquals(95, seen);
        assertEquals(5, pages);
        assertEquals(15, page.size());
        sql.assertNoConnectionInUse();
        SqlFailure afterEnd = sql.failure(process, new Fetch(first), SqlFailure.class);
        assertEquals(SqlFailure.UNKNOWN_HANDLE, afterEnd.code());
        assertEquals("34000", afterEnd.sqlState());

        // a result that fits one page needs no cursor
        Rows small = call(Query.on("h2", "SELECT n FROM numbers WHERE n <= ?", 5).with(Options.paged(20)));
        assertEquals(5, small.size());
        assertFalse(small.hasMore());

        Rows early = call(Query.on("h2", "SELECT n FROM numbers").with(Options.paged(10)));
        assertTrue(early.hasMore());
        call(new CursorClose(early.cursor()));
        sql.assertNoConnectionInUse();
        // paged results are not bound by max rows
        assertEquals(10, call(Query.on("h2", "SELECT n FROM numbers").with(Options.paged(10).withMaxRows(50))).size());
    }

    private void fill(int count) {
        call(Execute.on("h2", "CREATE TABLE numbers (n INT PRIMARY KEY)"));
        call(Execute.on("h2", "INSERT INTO numbers SELECT X FROM SYSTEM_RANGE(1, ?)", count));
    }

    private void fill2(int count) {
        call(Execute.on("h2", "CREATE TABLE more (n INT PRIMARY KEY)"));
        call(Execute.on("h2", "INSERT INTO more SELECT X FROM SYSTEM_RANGE(1, ?)", count));
    }
}
