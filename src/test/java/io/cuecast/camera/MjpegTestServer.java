package io.cuecast.camera;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A real HTTP server on loopback that plays an IP camera: it serves frames of the simulated table as
 * {@code multipart/x-mixed-replace} JPEG parts at {@code /video}, following a script, and can die
 * and come back on the same port.
 */
public final class MjpegTestServer implements AutoCloseable {
    public static final int WIDTH = 320;
    public static final int HEIGHT = 180;
    public static final String BOUNDARY = "camframe";
    private static final int FRAMES = 8;
    private static final List<Mat> IMAGES = new ArrayList<>();
    private static final List<byte[]> JPEGS = new ArrayList<>();
    private final Script script;
    private int port;
    private HttpServer server;
    private ExecutorService handlers;

    /** What one connection is sent; it ends when the script returns or the client goes away. */
    @FunctionalInterface
    public interface Script {
        void play(Connection connection) throws IOException, InterruptedException;
    }

    private MjpegTestServer(Script script) throws IOException {
        this.script = script;
        listen();
    }

    /** A camera that streams the simulated frames for ever, each part with a Content-Length. */
    public static MjpegTestServer streaming() throws IOException {
        return start(connection -> connection.framesForever(true));
    }

    public static MjpegTestServer start(Script script) throws IOException {
        return new MjpegTestServer(script);
    }

    private void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        handlers = Executors.newCachedThreadPool(); // each stream holds its thread for as long as it lasts
        server.setExecutor(handlers);
        server.createContext("/video", exchange -> {
            try (exchange) {
                script.play(new Connection(exchange));
            } catch (IOException | InterruptedException clientGoneOrServerStopped) {
                // the stream is over either way
            }
        });
        server.start();
        port = server.getAddress().getPort(); // kept, so that a restart comes back where clients look
    }

    /** The simulated frames served, in order (BGR, {@link #WIDTH} x {@link #HEIGHT}). */
    public static synchronized List<Mat> images() {
        if (IMAGES.isEmpty()) {
            OpenCvNatives.load();
            SimulatedCamera camera = new SimulatedCamera(SimulatorSettings.defaults().withSize(WIDTH, HEIGHT));
            for (int i = 0; i < FRAMES; i++) {
                Mat image = camera.grab().orElseThrow().image();
                IMAGES.add(image);
                MatOfByte jpeg = new MatOfByte();
                Imgcodecs.imencode(".jpg", image, jpeg);
                JPEGS.add(jpeg.toArray());
                jpeg.release();
            }
        }
        return IMAGES;
    }

    private static synchronized byte[] jpeg(long index) {
        images();
        return JPEGS.get((int) (index % FRAMES));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/video");
    }

    public int port() {
        return port;
    }

    /** Dies: the listener and every open stream are closed at once. */
    public void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** Comes back on the same port with the same script. */
    public void restart() throws IOException {
        listen();
    }

    @Override
    public void close() {
        stop();
    }

    /** One client's stream. */
    public static final class Connection {
        private final HttpExchange exchange;
        private OutputStream body;
        private long partsSent;

        Connection(HttpExchange exchange) {
            this.exchange = exchange;
        }

        public String requestHeader(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }

        /** Answers with a status and no stream. */
        public void refuse(int status) throws IOException {
            exchange.sendResponseHeaders(status, -1);
        }

        /** Starts the answer with this Content-Type. */
        public Connection begin(String contentType) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            body = exchange.getResponseBody();
            return this;
        }

        /** Sends the simulated frames at about 30 per second until the client or the server goes. */
        public void framesForever(boolean withContentLength) throws IOException, InterruptedException {
            begin("multipart/x-mixed-replace; boundary=" + BOUNDARY);
            while (true) {
                frame(withContentLength);
                TimeUnit.MILLISECONDS.sleep(33); // the camera's frame rate
            }
        }

        /** Sends the next simulated frame as one part. */
        public void frame(boolean withContentLength) throws IOException {
            byte[] jpeg = jpeg(partsSent);
            part("Content-Type: image/jpeg\r\n" + (withContentLength ? "Content-Length: " + jpeg.length + "\r\n" : ""),
                    jpeg);
        }

        /** Sends one part: its boundary, these header lines (each ending CRLF), a blank line and the body. */
        public void part(String headers, byte[] content) throws IOException {
            raw("--" + BOUNDARY + "\r\n" + headers + "\r\n");
            body.write(content);
            raw("\r\n");
            body.flush();
            partsSent++;
        }

        public void raw(String text) throws IOException {
            body.write(text.getBytes(StandardCharsets.ISO_8859_1));
            body.flush();
        }
    }
}
