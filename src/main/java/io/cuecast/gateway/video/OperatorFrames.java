package io.cuecast.gateway.video;

import io.cuecast.camera.Clocks;
import io.cuecast.gateway.PublishResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.support.SynchronizationAdapter;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * {@code POST /api/v1/websocket/broadcast/frame}: an operator's JPEG or PNG, checked, decoded and
 * sent on the frame stream like a camera frame, at every subscriber's quality level. Bad input gets
 * 415 (not a JPEG or PNG Content-Type) or 400 (empty, too large, or not an image), each with
 * {@code {"error": "..."}}, and costs nothing else.
 */
public final class OperatorFrames {
    /** Far above any camera frame; a bigger body is a mistake, not a picture. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** Checked before decoding, so a small file that claims a huge size cannot exhaust memory. */
    static final int MAX_SIDE = 8192;
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png");
    private static final Set<String> FORMATS = Set.of("jpeg", "png");

    private final FrameStreamFeed feed;

    /**
     * A posted image, decoded, on its way to the publish route, with the bytes as posted for the
     * dead letters should it not be published.
     */
    public record PostedImage(Mat image, long postedAtUs, byte[] posted) {
    }

    public OperatorFrames(FrameStreamFeed feed) {
        this.feed = feed;
    }

    /** The route's first step: the decoded image, or the error answer with its status set. */
    public Object decode(@Body byte[] body, @Header(Exchange.CONTENT_TYPE) String contentType, Exchange exchange) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            return refuse(exchange, 415, "Content-Type must be image/jpeg or image/png, but it is '"
                    + (contentType == null ? "" : contentType) + "'");
        }
        if (body == null || body.length == 0) {
            return refuse(exchange, 400, "the body is empty; post the JPEG or PNG image itself");
        }
        if (body.length > MAX_BYTES) {
            return refuse(exchange, 400, "the image is " + body.length + " bytes; the limit is " + MAX_BYTES);
        }
        Optional<String> problem = headerProblem(body);
        if (problem.isPresent()) {
            return refuse(exchange, 400, problem.get());
        }
        MatOfByte encoded = new MatOfByte(body);
        Mat image;
        try {
            image = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
        } finally {
            encoded.release();
        }
        if (image.empty()) {
            image.release();
            return refuse(exchange, 400, "the body is not a readable JPEG or PNG image");
        }
        // Freed when the request is done, not after a send: a failed send is retried with the same image.
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                image.release();
            }
        });
        return new PostedImage(image, Clocks.epochMicros(), body);
    }

    /** The image as it was posted (its Content-Type header is still on the message): for a dead letter. */
    public byte[] posted(@Body PostedImage posted) {
        return posted.posted();
    }

    /** The publish route's frame branch: sends the image; answers what was done. */
    public Map<String, Object> publish(@Body PostedImage posted) {
        Optional<PublishResult> result = feed.publishOperatorFrame(posted.image(), posted.postedAtUs());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("stream", "frame");
        answer.put("sequence", result.map(PublishResult::sequence).orElse(null));
        answer.put("width", posted.image().cols());
        answer.put("height", posted.image().rows());
        answer.put("delivered", result.map(PublishResult::delivered).orElse(0));
        answer.put("dropped", result.map(PublishResult::dropped).orElse(0));
        answer.put("failed", result.map(PublishResult::failed).orElse(0));
        return answer;
    }

    /** Reads only the image's header: its format and size, before any pixel is decoded. */
    private static Optional<String> headerProblem(byte[] body) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(body))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.of("the body is not a JPEG or PNG image");
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return Optional.of("the body is a " + reader.getFormatName() + " image; post a JPEG or PNG");
                }
                reader.setInput(input);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    return Optional.of("the image is " + width + "x" + height + "; at most " + MAX_SIDE
                            + " pixels a side are accepted");
                }
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return Optional.of("the body is not a readable JPEG or PNG image: " + e.getMessage());
        }
    }

    private static Map<String, Object> refuse(Exchange exchange, int status, String why) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return Map.of("error", why);
    }
}
