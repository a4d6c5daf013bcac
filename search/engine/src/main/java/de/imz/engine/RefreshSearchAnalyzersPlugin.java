package de.imz.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionType;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.broadcast.BroadcastRequest;
import org.opensearch.action.support.broadcast.BroadcastResponse;
import org.opensearch.action.support.broadcast.node.TransportBroadcastByNodeAction;
import org.opensearch.client.node.NodeClient;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.block.ClusterBlockException;
import org.opensearch.cluster.block.ClusterBlockLevel;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.cluster.routing.ShardRouting;
import org.opensearch.cluster.routing.ShardsIterator;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.IndexScopedSettings;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.settings.SettingsFilter;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.action.support.DefaultShardOperationFailedException;
import org.opensearch.core.common.Strings;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.indices.IndicesService;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestController;
import org.opensearch.rest.RestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/**
 * {@code POST /_plugins/_refresh_search_analyzers/{index}}: re-reads the files of updateable search
 * analyzers (the synonym file) on every shard copy, without closing or rebuilding the index. The
 * same endpoint the OpenSearch index-management plugin offers on production clusters; core
 * OpenSearch has the mechanism (MapperService#reloadSearchAnalyzers) but no REST entry for it.
 */
public final class RefreshSearchAnalyzersPlugin extends Plugin implements ActionPlugin {

    static final String NAME = "indices:admin/imz/refresh_search_analyzers";
    static final ActionType<Response> TYPE = new ActionType<>(NAME, Response::new);

    public static final class Request extends BroadcastRequest<Request> {
        public Request(String... indices) {
            super(indices);
        }

        public Request(StreamInput in) throws IOException {
            super(in);
        }
    }

    public static final class Response extends BroadcastResponse {
        public Response(StreamInput in) throws IOException {
            super(in);
        }

        Response(int total, int successful, int failed, List<DefaultShardOperationFailedException> failures) {
            super(total, successful, failed, failures);
        }
    }

    public static final class TransportAction
        extends TransportBroadcastByNodeAction<Request, Response, TransportBroadcastByNodeAction.EmptyResult> {

        private final IndicesService indicesService;

        @Inject
        public TransportAction(ClusterService clusterService, TransportService transportService, ActionFilters actionFilters,
                               IndexNameExpressionResolver resolver, IndicesService indicesService) {
            super(NAME, clusterService, transportService, actionFilters, resolver, Request::new, ThreadPool.Names.MANAGEMENT);
            this.indicesService = indicesService;
        }

        @Override
        protected EmptyResult readShardResult(StreamInput in) {
            return EmptyResult.readEmptyResultFrom(in);
        }

        @Override
        protected Response newResponse(Request request, int total, int successful, int failed, List<EmptyResult> results,
                                       List<DefaultShardOperationFailedException> failures, ClusterState state) {
            return new Response(total, successful, failed, failures);
        }

        @Override
        protected Request readRequestFrom(StreamInput in) throws IOException {
            return new Request(in);
        }

        @Override
        protected EmptyResult shardOperation(Request request, ShardRouting shard) throws IOException {
            indicesService.indexServiceSafe(shard.index()).mapperService().reloadSearchAnalyzers(indicesService.getAnalysis());
            return EmptyResult.INSTANCE;
        }

        @Override
        protected ShardsIterator shards(ClusterState state, Request request, String[] indices) {
            return state.routingTable().allShards(indices);
        }

        @Override
        protected ClusterBlockException checkGlobalBlock(ClusterState state, Request request) {
            return state.blocks().globalBlockedException(ClusterBlockLevel.METADATA_WRITE);
        }

        @Override
        protected ClusterBlockException checkRequestBlock(ClusterState state, Request request, String[] indices) {
            return state.blocks().indicesBlockedException(ClusterBlockLevel.METADATA_WRITE, indices);
        }
    }

    static final class RestAction extends BaseRestHandler {
        @Override
        public String getName() {
            return "imz_refresh_search_analyzers";
        }

        @Override
        public List<Route> routes() {
            return List.of(new Route(RestRequest.Method.POST, "/_plugins/_refresh_search_analyzers/{index}"));
        }

        @Override
        protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
            Request action = new Request(Strings.splitStringByCommaToArray(request.param("index")));
            return channel -> client.execute(TYPE, action, new RestToXContentListener<>(channel));
        }
    }

    @Override
    public List<ActionHandler<? extends ActionRequest, ? extends ActionResponse>> getActions() {
        List<ActionHandler<? extends ActionRequest, ? extends ActionResponse>> actions = new ArrayList<>();
        actions.add(new ActionHandler<>(TYPE, TransportAction.class));
        return actions;
    }

    @Override
    public List<RestHandler> getRestHandlers(Settings settings, RestController controller, ClusterSettings clusterSettings,
                                             IndexScopedSettings indexScopedSettings, SettingsFilter settingsFilter,
                                             IndexNameExpressionResolver resolver, Supplier<DiscoveryNodes> nodes) {
        return List.of(new RestAction());
    }
}
