package io.cuecast.camera;

/** The description and frame rate every real source carries, kept in one place. */
abstract class NamedFrameSource implements FrameSource {
    private final String description;
    private final double fps;

    NamedFrameSource(String description, double fps) {
        this.description = description;
        this.fps = fps;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final double fps() {
        return fps;
    }
}
