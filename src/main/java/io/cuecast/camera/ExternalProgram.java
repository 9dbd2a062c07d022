package io.cuecast.camera;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds an external program (ffmpeg, ffprobe) before it is run, as the shell would, so that a missing
 * one is named as missing rather than surfacing as an opaque start-up error.
 */
final class ExternalProgram {
    private ExternalProgram() {
    }

    /**
     * The program's path: {@code program} itself when it holds a '/', else the first executable of
     * that name on {@code searchPath} (a PATH-style list of folders).
     *
     * @param configKey the setting that names the program, for the error message
     * @throws CameraException naming the program when it is not there
     */
    static Path locate(String program, String configKey, String searchPath) {
        if (program.contains(File.separator)) {
            Path path = Path.of(program);
            if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                return path;
            }
            throw new CameraException("the program '" + program + "' set in " + configKey
                    + " does not exist or is not executable");
        }
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new CameraException("this camera source needs the program '" + program
                + "', which is not installed (not found on PATH): install ffmpeg (Debian: apt-get install ffmpeg)"
                + " or set " + configKey + " to where it is");
    }
}
