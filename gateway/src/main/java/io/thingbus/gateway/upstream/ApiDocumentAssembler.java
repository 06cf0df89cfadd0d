package io.thingbus.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.gateway.domain.ApiDocumentMerger;
import io.thingbus.gateway.domain.Route;
import io.thingbus.gateway.domain.RouteTable;
import io.thingbus.gateway.domain.ServiceApiDocument;
import io.thingbus.gateway.domain.Upstream;
import io.vertx.core.Future;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Builds the API document of the whole REST API once: asks every service the route table sends requests to for its
 * document, all at once, and merges what it gets ({@link ApiDocumentMerger}). A service that cannot be asked is left
 * out and named in the document; all such services of one build are logged together, in one WARN line.
 *
 * <p>Threading: {@link #assemble} may be called on any event loop and never blocks; the merge runs on the event loop
 * the last answer arrives on.
 */
@Singleton
public class ApiDocumentAssembler {

    private static final Logger LOG = Logger.getLogger(ApiDocumentAssembler.class);

    private final ApiDocumentMerger merger;
    private final VertxApiDocumentFetcher fetcher;
    private final List<Upstream> upstreams;

    public ApiDocumentAssembler(ApiDocumentMerger merger, VertxApiDocumentFetcher fetcher, RouteTable routes) {
        this.merger = merger;
        this.fetcher = fetcher;
        this.upstreams = routes.routes().stream().map(Route::upstream).distinct().sorted().toList();
    }

    /** Completes with the merged document, also when services could not be asked; fails only if merging fails. */
    public Future<JsonNode> assemble() {
        List<Future<ServiceApiDocument>> fetches = upstreams.stream().map(fetcher::fetch).toList();
        return Future.join(fetches).transform(allAnswered -> Future.succeededFuture(merge(fetches)));
    }

    private JsonNode merge(List<Future<ServiceApiDocument>> fetches) {
        List<ServiceApiDocument> documents = new ArrayList<>();
        List<Upstream> unavailable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < fetches.size(); i++) {
            Future<ServiceApiDocument> fetch = fetches.get(i);
            if (fetch.succeeded()) {
                documents.add(fetch.result());
            } else {
                unavailable.add(upstreams.get(i));
                reasons.add(fetch.cause().getMessage());
            }
        }
        if (!unavailable.isEmpty()) {
            LOG.warnf("the API document leaves out the paths of %d service(s), which are asked again at the next "
                    + "refresh: %s", unavailable.size(), String.join("; ", reasons));
        }
        return merger.merge(documents, unavailable);
    }
}
