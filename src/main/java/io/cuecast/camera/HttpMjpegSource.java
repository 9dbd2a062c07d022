package io.cuecast.camera;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * An IP camera's MJPEG over HTTP: one long {@code multipart/x-mixed-replace} response whose parts are
 * JPEG images. Credentials in the URL ({@code http://user:password@camera/video}) are sent as HTTP
 * Basic authentication and never shown. The connection closing, a malformed part, or no image for
 * the read timeout fails the source, to be reopened.
 */
public final class HttpMjpegSource {
    /** Far above any camera's JPEG; a larger part means a broken stream, not a picture. */
    private static final int MAX_PART_BYTES = 32 * 1024 * 1024;

    private HttpMjpegSource() {
    }

    /**
     * Connects and checks that the answer is an MJPEG stream; images are then read on their own thread.
     *
     * @throws CameraException when the camera cannot be reached or does not answer with MJPEG
     */
    public static FrameSource open(URI url, HttpClient client, Duration readTimeout, double fps) {
        OpenCvNatives.load();
        String shown = CameraSources.withoutCredentials(url.toString());
        HttpResponse<InputStream> response;
        try {
            response = client.send(request(url, readTimeout), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new CameraException("no answer from " + shown + " within " + readTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new CameraException("cannot connect to " + shown + ": " + StreamedFrameSource.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CameraException("interrupted while connecting to " + shown, e);
        }
        JpegParts parts = new JpegParts(response.body());
        try {
            if (response.statusCode() != 200) {
                throw new CameraException(shown + " answered HTTP " + response.statusCode() + ", not a video stream");
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            parts.readWith(MultipartReplaceReader.boundaryOf(contentType));
        } catch (RuntimeException e) {
            parts.close();
            throw e instanceof CameraException camera ? camera
                    : new CameraException(shown + " is not an MJPEG stream: " + e.getMessage(), e);
        }
        return new StreamedFrameSource(parts, "HTTP MJPEG camera " + shown, fps, readTimeout.toMillis(),
                readTimeout.toMillis());
    }

    private static HttpRequest request(URI url, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(url)).timeout(timeout).GET();
        if (url.getRawUserInfo() != null) {
            String userInfo = URLDecoder.decode(url.getRawUserInfo(), StandardCharsets.UTF_8);
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    private static URI withoutUserInfo(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(),
                    url.getFragment());
        } catch (URISyntaxException e) {
            throw new CameraException("cannot use the URL " + CameraSources.withoutCredentials(url.toString())
                    + ": " + e.getMessage(), e);
        }
    }

    /** Each part decoded as a JPEG. */
    private static final class JpegParts implements FrameStream {
        private final InputStream body;
        private MultipartReplaceReader reader;
        private long partsDecoded;

        JpegParts(InputStream body) {
            this.body = body;
        }

        /** Set once the response is known to be multipart; until then there is only a body to close. */
        void readWith(String boundary) {
            reader = new MultipartReplaceReader(body, boundary, MAX_PART_BYTES);
        }

        @Override
        public Mat next() throws IOException {
            MultipartReplaceReader.Part part;
            try {
                part = reader.next();
            } catch (MultipartReplaceReader.MalformedPartException | EOFException clearAlready) {
                throw clearAlready;
            } catch (IOException e) {
                throw new IOException("the connection was lost after " + partsDecoded + " frames: "
                        + StreamedFrameSource.reason(e), e);
            }
            if (part.body().length == 0) {
                throw new MultipartReplaceReader.MalformedPartException("part " + (partsDecoded + 1) + " is empty");
            }
            MatOfByte bytes = new MatOfByte(part.body());
            Mat image = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
            bytes.release();
            if (image.empty()) {
                image.release();
                throw new MultipartReplaceReader.MalformedPartException("part " + (partsDecoded + 1) + " ("
                        + part.body().length + " bytes, Content-Type " + part.contentType()
                        + ") is not a JPEG image that can be decoded");
            }
            partsDecoded++;
            return image;
        }

        /** Closing the body wakes a read blocked on it, and frees the connection. */
        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // closing is all that is asked; the connection is gone either way
            }
        }
    }
}
