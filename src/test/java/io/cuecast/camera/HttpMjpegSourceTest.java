package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.it.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The HTTP MJPEG source against a real HTTP server on loopback serving real JPEG frames. */
class HttpMjpegSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(READ_TIMEOUT).build();

    private FrameSource open(URI url) {
        return HttpMjpegSource.open(url, client, READ_TIMEOUT, 30);
    }

    @ParameterizedTest(name = "parts with Content-Length: {0}")
    @ValueSource(booleans = {true, false})
    void decodesEachJpegPartIntoTheFrameTheCameraSent(boolean withContentLength) throws Exception {
        try (MjpegTestServer server = MjpegTestServer.start(connection -> connection.framesForever(withContentLength));
             FrameSource source = open(server.url())) {
            assertEquals("HTTP MJPEG camera " + server.url(), source.description());
            long lastSequence = 0;
            for (int i = 0; i < 5; i++) {
                try (Frame frame = SourceGrabs.nextFrame(source)) {
                    assertEquals(MjpegTestServer.WIDTH, frame.width());
                    assertEquals(MjpegTestServer.HEIGHT, frame.height());
                    assertTrue(frame.sequence() > lastSequence, "frames come in order");
                    lastSequence = frame.sequence();
                    double distance = SourceGrabs.distanceToNearest(frame.image(), MjpegTestServer.images());
                    assertTrue(distance < 3, "decoded BGR image is the one sent, off by " + distance);
                }
            }
        }
    }

    @Test
    void aServerThatDiesMidStreamFailsTheSourceWhichReopensWhenTheServerIsBack() throws Exception {
        try (MjpegTestServer server = MjpegTestServer.streaming()) {
            URI url = server.url();
            ReopeningFrameSource reopening = new ReopeningFrameSource(() -> open(url), url.toString(), 30, 100, 400,
                    System::currentTimeMillis);
            CameraPoller poller = new CameraPoller(reopening);
            try (reopening) {
                Await.until(poller::poll, frame -> frame != null, WAIT, "the first frame").close();

                server.stop();
                String failure = SourceGrabs.nextFailure(reopening);
                assertTrue(failure.startsWith("HTTP MJPEG camera " + url + ": the stream ended after")
                        || failure.startsWith("HTTP MJPEG camera " + url + ": the connection was lost after"), failure);

                // Down: each reconnection, after its back-off, is refused until the server is back.
                Await.until(() -> SourceGrabs.nextFailure(reopening), reason -> reason.startsWith("cannot connect to " + url + ": "),
                        WAIT, "a reconnection to be refused");

                server.restart();
                Frame again = Await.until(() -> {
                    try {
                        return poller.poll();
                    } catch (CameraException stillDown) {
                        return null;
                    }
                }, frame -> frame != null, WAIT, "a frame after the server came back");
                again.close();
                assertEquals(null, poller.status().lastError(), "health sees the camera working again");
                assertTrue(poller.status().failures() > 0, "the outage was counted");
            }
        }
    }

    @Test
    void aCameraThatStallsFailsAfterTheReadTimeoutAndClosesAtOnce() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        try (MjpegTestServer server = MjpegTestServer.start(connection -> {
            connection.begin("multipart/x-mixed-replace; boundary=" + MjpegTestServer.BOUNDARY).frame(true);
            released.await(); // the connection stays open, but nothing more comes
        })) {
            FrameSource source = HttpMjpegSource.open(server.url(), client, Duration.ofMillis(500), 30);
            SourceGrabs.nextFrame(source).close();
            String failure = SourceGrabs.nextFailure(source);
            assertTrue(failure.contains(": no frame for ") && failure.contains("(read timeout 500 ms)"), failure);
            long start = System.nanoTime();
            source.close();
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(),
                    "closing does not wait on the stalled read");
            released.countDown();
        }
    }

    @Test
    void aPartWithABrokenHeaderIsAClearErrorAfterTheGoodFrames() throws Exception {
        try (MjpegTestServer server = MjpegTestServer.start(connection -> {
            connection.begin("multipart/x-mixed-replace; boundary=" + MjpegTestServer.BOUNDARY).frame(true);
            connection.part("this line is not a header\r\n", new byte[] {1, 2, 3});
        });
             FrameSource source = open(server.url())) {
            SourceGrabs.nextFrame(source).close();
            String failure = SourceGrabs.nextFailure(source);
            assertEquals("HTTP MJPEG camera " + server.url() + ": malformed multipart stream at part 2:"
                    + " header line without a name and colon: 'this line is not a header'", failure);
        }
    }

    @Test
    void aPartThatIsNotAJpegIsAClearErrorThatThePollerRecords() throws Exception {
        try (MjpegTestServer server = MjpegTestServer.start(connection -> {
            connection.begin("multipart/x-mixed-replace; boundary=" + MjpegTestServer.BOUNDARY).frame(false);
            connection.part("Content-Type: image/jpeg\r\n", "not a picture".getBytes(StandardCharsets.US_ASCII));
            connection.frame(false);
        });
             FrameSource source = open(server.url())) {
            CameraPoller poller = new CameraPoller(source);
            Await.until(poller::poll, frame -> frame != null, WAIT, "the first frame").close();
            CameraException failure = Await.until(() -> {
                try {
                    poller.poll();
                    return null;
                } catch (CameraException e) {
                    return e;
                }
            }, e -> e != null, WAIT, "the bad part's failure");
            assertTrue(failure.getMessage().endsWith(
                    "part 2 (13 bytes, Content-Type image/jpeg) is not a JPEG image that can be decoded"),
                    failure.getMessage());
            assertEquals(failure.getMessage(), poller.status().lastError());
        }
    }

    @Test
    void anAnswerThatIsNotAnMjpegStreamIsRefusedWithWhatItWas() throws Exception {
        try (MjpegTestServer html = MjpegTestServer.start(connection -> connection.begin("text/html").raw("<html>"));
             MjpegTestServer noBoundary = MjpegTestServer.start(connection -> connection.begin("multipart/x-mixed-replace"));
             MjpegTestServer missing = MjpegTestServer.start(connection -> connection.refuse(404))) {
            CameraException notMultipart = assertThrows(CameraException.class, () -> open(html.url()));
            assertEquals(html.url() + " is not an MJPEG stream: Content-Type is 'text/html',"
                    + " not multipart/x-mixed-replace (is this an MJPEG stream?)", notMultipart.getMessage());
            CameraException withoutBoundary = assertThrows(CameraException.class, () -> open(noBoundary.url()));
            assertEquals(noBoundary.url() + " is not an MJPEG stream: Content-Type 'multipart/x-mixed-replace'"
                    + " declares no boundary", withoutBoundary.getMessage());
            CameraException notFound = assertThrows(CameraException.class, () -> open(missing.url()));
            assertEquals(missing.url() + " answered HTTP 404, not a video stream", notFound.getMessage());
        }
    }

    @Test
    void anUnreachableCameraSaysWhichUrlCouldNotBeReached() throws Exception {
        MjpegTestServer server = MjpegTestServer.streaming();
        URI url = server.url();
        server.stop();
        CameraException refused = assertThrows(CameraException.class, () -> open(url));
        assertTrue(refused.getMessage().startsWith("cannot connect to " + url + ": "), refused.getMessage());
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthenticationAndNeverShown() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8));
        try (MjpegTestServer server = MjpegTestServer.start(connection -> {
            if (expected.equals(connection.requestHeader("Authorization"))) {
                connection.framesForever(true);
            } else {
                connection.refuse(401);
            }
        })) {
            URI withCredentials = URI.create("http://admin:s3cret@127.0.0.1:" + server.port() + "/video");
            try (FrameSource source = open(withCredentials)) {
                SourceGrabs.nextFrame(source).close();
                assertEquals("HTTP MJPEG camera http://***@127.0.0.1:" + server.port() + "/video", source.description());
            }
            URI wrong = URI.create("http://admin:guess@127.0.0.1:" + server.port() + "/video");
            CameraException refused = assertThrows(CameraException.class, () -> open(wrong));
            assertEquals("http://***@127.0.0.1:" + server.port() + "/video answered HTTP 401, not a video stream",
                    refused.getMessage());
            assertFalse(refused.getMessage().contains("guess"));
        }
    }
}
