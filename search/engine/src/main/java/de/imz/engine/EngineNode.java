package de.imz.engine;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.rankeval.RankEvalPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node in this JVM, with the modules a distribution ships loaded from the classpath
 * (a plain {@code Node} loads plugins only from a plugins folder). Arguments are {@code key=value}
 * node settings; {@code path.home} is required. SIGTERM closes the node cleanly.
 */
public final class EngineNode extends Node {

    static final List<Class<? extends Plugin>> MODULES = List.of(
        CommonAnalysisPlugin.class,
        Netty4Plugin.class,
        RankEvalPlugin.class,
        MapperExtrasPlugin.class,
        PainlessPlugin.class,
        ReindexPlugin.class,
        RefreshSearchAnalyzersPlugin.class
    );

    private EngineNode(Settings settings, Path configDir, Collection<Class<? extends Plugin>> plugins) {
        super(InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), configDir,
            () -> settings.get("node.name", "imz")), plugins, true);
    }

    public static void main(String[] args) throws Exception {
        Settings.Builder builder = Settings.builder();
        Arrays.stream(args).forEach(arg -> {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            builder.put(arg.substring(0, eq), arg.substring(eq + 1));
        });
        Settings settings = builder.build();
        Path configDir = Paths.get(settings.get("path.home")).resolve("config");
        EngineNode node = new EngineNode(settings, configDir, MODULES);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "imz-engine-shutdown"));
        node.start();
        stopped.await();
    }
}
