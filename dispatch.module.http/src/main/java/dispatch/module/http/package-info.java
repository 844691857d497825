/**
 * The commands of the http module and what they complete with: {@link dispatch.module.http.Request}
 * (ID 60) completes with a {@link dispatch.module.http.Response}, {@link dispatch.module.http.RequestBatch}
 * (ID 61) with one {@link dispatch.api.process.Outcome} per request, in request order.
 *
 * <p>A response is a response whatever its status: a 404 or a 503 is a successful yield.
 * Failures to get a response at all (refused, timed out, too large, denied host, ...) are
 * {@link dispatch.module.http.HttpFailure} error results with a {@link dispatch.module.http.HttpFailure.Kind}.
 */
@Export
@Version("1.0.0")
package dispatch.module.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
