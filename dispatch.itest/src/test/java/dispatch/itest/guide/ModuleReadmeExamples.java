package dispatch.itest.guide;

import dispatch.api.process.Outcome;
import dispatch.api.process.ProcessContext;
import dispatch.module.event.Overflow;
import dispatch.module.event.Publish;
import dispatch.module.event.Published;
import dispatch.module.event.Subscribe;
import dispatch.module.event.TopicEvent;
import dispatch.module.event.Unsubscribe;
import dispatch.module.http.Request;
import dispatch.module.http.RequestBatch;
import dispatch.module.http.Response;
import dispatch.module.sql.Begin;
import dispatch.module.sql.Isolation;
import dispatch.module.sql.Query;
import dispatch.module.sql.Rows;
import dispatch.module.sql.TxCommit;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Java examples of the modules' READMEs, compiled here so that they keep matching the API;
 * {@link GuideSnippetsTest} checks that the READMEs show exactly these lines. Not run: they
 * talk to servers and databases that exist only in the examples.
 */
final class ModuleReadmeExamples {

    private ModuleReadmeExamples() {
    }

    static void http(ProcessContext context, List<Request> requests) throws Exception {
        // guide:http-request
        Response response = context.call(Request.post("https://api.example.org/items")
                .header("Accept", "application/json")
                .query("dry-run", "true")
                .json("{\"name\":\"x\"}")
                .basicAuth("user", "secret")
                .timeout(Duration.ofSeconds(5))
                .build());
        if (response.isSuccessful()) {
            String body = response.text(); // decoded with the charset of Content-Type, UTF-8 by default
        }

        List<Outcome<Response>> outcomes = context.call(RequestBatch.of(requests).withConcurrency(4));
        // end:http-request
    }

    static void sql(ProcessContext process, long customerId, String item) throws Exception {
        // guide:sql-query
        Rows rows = process.call(Query.on("orders", "SELECT id, total FROM orders WHERE customer = ?", customerId));
        TxHandle tx = process.call(new Begin("orders", Isolation.SERIALIZABLE, false));
        process.call(TxExecute.of(tx, "UPDATE stock SET qty = qty - ? WHERE item = ?", 1, item));
        process.call(new TxCommit(tx));
        // end:sql-query
    }

    static void event(ProcessContext context) throws Exception {
        // guide:event-subscribe
        long subscription = context.call(new Subscribe("orders/*", 100, Overflow.DROP_OLDEST));
        Published published = context.call(new Publish("orders/created", Map.of("id", 42)));
        TopicEvent event = (TopicEvent) context.receive(); // a message, not a yield result
        if (event.dropped() > 0) {
            // this subscriber fell behind: so many older events of the subscription were dropped
        }
        long discarded = context.call(new Unsubscribe(subscription));
        // end:event-subscribe
    }
}
