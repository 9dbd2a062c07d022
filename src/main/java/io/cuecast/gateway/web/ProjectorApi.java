package io.cuecast.gateway.web;

import io.cuecast.table.CornersFile;
import io.cuecast.table.FourCorners;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;

/** The projector's REST bean (routes/web-projector.camel.yaml): read and save the keystone calibration. */
public final class ProjectorApi {
    private final CornersFile store;

    /** @param store the keystone: where the table's corners fall on the screen; the whole screen until set */
    public ProjectorApi(CornersFile store) {
        this.store = store;
    }

    public Map<String, Object> keystone() {
        return store.current().orElse(FourCorners.WHOLE).toJson();
    }

    /** {@code PUT}: 200 with what was saved; 400 naming the problem, and nothing saved. */
    public Object saveKeystone(@Body Object body, Exchange exchange) {
        return CornerRequests.save(body, exchange, FourCorners.Surface.SCREEN, store, this::keystone);
    }
}
