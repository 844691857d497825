/**
 * The commands of the sql module (IDs 100-119) and their results.
 *
 * <h2>Commands</h2>
 * <table>
 * <caption>Command IDs</caption>
 * <tr><th>ID</th><th>command</th><th>result</th></tr>
 * <tr><td>100</td><td>{@link dispatch.module.sql.Query}</td><td>{@link dispatch.module.sql.Rows}</td></tr>
 * <tr><td>101</td><td>{@link dispatch.module.sql.Execute}</td><td>{@link dispatch.module.sql.ExecuteResult}</td></tr>
 * <tr><td>102</td><td>{@link dispatch.module.sql.Prepare}</td><td>{@link dispatch.module.sql.StatementHandle}</td></tr>
 * <tr><td>103</td><td>{@link dispatch.module.sql.Begin}</td><td>{@link dispatch.module.sql.TxHandle}</td></tr>
 * <tr><td>104</td><td>{@link dispatch.module.sql.StmtQuery}</td><td>{@link dispatch.module.sql.Rows}</td></tr>
 * <tr><td>105</td><td>{@link dispatch.module.sql.StmtExecute}</td><td>{@link dispatch.module.sql.ExecuteResult}</td></tr>
 * <tr><td>106</td><td>{@link dispatch.module.sql.StmtClose}</td><td>{@code Void}</td></tr>
 * <tr><td>107</td><td>{@link dispatch.module.sql.TxQuery}</td><td>{@link dispatch.module.sql.Rows}</td></tr>
 * <tr><td>108</td><td>{@link dispatch.module.sql.TxExecute}</td><td>{@link dispatch.module.sql.ExecuteResult}</td></tr>
 * <tr><td>109</td><td>{@link dispatch.module.sql.TxPrepare}</td><td>{@link dispatch.module.sql.StatementHandle}</td></tr>
 * <tr><td>110</td><td>{@link dispatch.module.sql.TxCommit}</td><td>{@code Void}</td></tr>
 * <tr><td>111</td><td>{@link dispatch.module.sql.TxRollback}</td><td>{@code Void}</td></tr>
 * <tr><td>112</td><td>{@link dispatch.module.sql.Fetch}</td><td>{@link dispatch.module.sql.Rows}</td></tr>
 * <tr><td>113</td><td>{@link dispatch.module.sql.CursorClose}</td><td>{@code Void}</td></tr>
 * </table>
 *
 * <h2>Parameters and values</h2>
 * SQL text is never assembled from values: every {@code ?} is bound from the command's
 * parameter list. Parameters may be {@code null}, {@link java.lang.Number}s, {@code Boolean},
 * {@code String}, {@code Character}, {@code byte[]}, {@link java.util.UUID}, enums (bound by
 * name) and the {@code java.time} types {@code LocalDate}, {@code LocalTime},
 * {@code LocalDateTime}, {@code OffsetDateTime}, {@code Instant} (bound as UTC). Values read
 * back are mapped by SQL type, see {@link dispatch.module.sql.Column}.
 *
 * <h2>Large results: max rows and pages</h2>
 * A query reads at most {@link dispatch.module.sql.Options#maxRows()} rows (the datasource's
 * {@code max.rows} when the command does not say): a result with more rows fails with
 * {@link dispatch.module.sql.SqlFailure#TOO_MANY_ROWS} (SQLState {@code 54000}) and nothing is
 * buffered beyond the cap. To read a large result, ask for pages with
 * {@link dispatch.module.sql.Options#pageSize()}: the first page arrives at once, and while
 * {@link dispatch.module.sql.Rows#hasMore()} the result carries a
 * {@link dispatch.module.sql.CursorHandle} that {@link dispatch.module.sql.Fetch} reads on,
 * one page per yield, with the driver's fetch size set to the page size so that the database
 * streams the rows (PostgreSQL holds them in a server-side portal). The cursor closes itself
 * after the last page; {@link dispatch.module.sql.CursorClose} closes it early. A cursor outside
 * a transaction keeps a pooled connection (its own read transaction) until it closes; a cursor
 * of a transaction lives on the transaction's connection and closes with it.
 *
 * <h2>Handles</h2>
 * Transactions, prepared statements and cursors belong to the process that opened them: any
 * other process that uses one gets a {@link dispatch.api.DispatchException#NOT_OWNER} error.
 * When that process ends, its open transactions are rolled back and its statements and cursors
 * closed; when the module stops, everything is. A handle that is closed (committed, rolled back,
 * read to the end) or was never issued fails with {@link dispatch.module.sql.SqlFailure#UNKNOWN_HANDLE}.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link dispatch.module.sql.SqlFailure} with a {@link
 * dispatch.api.DispatchException#code() code}, the SQLState and the vendor code.
 */
@Export
@Version("1.0.0")
package dispatch.module.sql;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
