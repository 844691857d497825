package dispatch.module.sql;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** Parameters and rows are copied once, hold nulls, and cannot be changed from outside. */
public class ValuesCopyTest {

    @Test
    public void parametersAreCopiedAndHoldNulls() {
        Object[] given = {1, null, "x"};
        Query query = Query.of("SELECT ?, ?, ?", given);
        given[0] = 99;
        assertEquals(Arrays.asList(1, null, "x"), query.params());
        assertThrows(UnsupportedOperationException.class, () -> query.params().set(0, 2));
        assertSame("a command's own copy is not copied again", query.params(),
                query.with(Options.DEFAULT.withMaxRows(5)).params());
        List<Object> mutable = new ArrayList<>(Arrays.asList(1, 2));
        Query fromList = new Query("default", "SELECT ?, ?", mutable, null);
        mutable.set(0, 7);
        assertEquals(List.of(1, 2), fromList.params());
    }

    @Test
    public void rowsAreCopiedOnceAndUnmodifiable() {
        List<Column> columns = List.of(new Column("A", java.sql.Types.INTEGER, "INTEGER"));
        List<Object> row = new ArrayList<>(Arrays.asList((Object) null));
        List<List<Object>> given = new ArrayList<>(List.of(row));
        Rows rows = new Rows(columns, given, null);
        row.set(0, 5);
        given.add(List.of(6));
        assertEquals(1, rows.size());
        assertNull(rows.get(0, 0));
        assertThrows(UnsupportedOperationException.class, () -> rows.rows().get(0).set(0, 1));
        assertThrows(UnsupportedOperationException.class, () -> rows.rows().add(List.of()));
        Rows again = new Rows(rows.columns(), rows.rows(), null);
        assertSame("rows of a result are not copied again", rows.rows(), again.rows());
        assertEquals(rows, again);
    }
}
