package io.cuecast.config;

import java.util.List;

/** A live config change that was refused whole, with every reason. */
public final class ConfigChangeRejected extends RuntimeException {
    private final List<String> problems;

    public ConfigChangeRejected(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
