package io.cuecast.gateway.auth;

import io.cuecast.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Static API keys from the configuration, each with a name (the principal's subject), the streams
 * it may read and optionally the admin role:
 * {@code scoreboard:KEY1:state,events; ops:KEY2:*:admin}.
 *
 * <p>Keys are kept only as SHA-256 digests, so a lookup's timing says nothing about a key's
 * characters, and an error never repeats a key.
 */
public final class ApiKeyAuthenticator implements Authenticator {
    /** Long enough not to be guessed; URL-safe so that {@code ?token=KEY} needs no escaping. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~-]{16,}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]+");
    private static final String ADMIN_ROLE = "admin";

    private final Map<String, Principal> byDigest;

    private ApiKeyAuthenticator(Map<String, Principal> byDigest) {
        this.byDigest = Map.copyOf(byDigest);
    }

    /**
     * Reads entries {@code NAME:KEY:STREAMS[:admin]} separated by {@code ;}.
     *
     * @param configKey named in errors, which never quote a key
     * @throws ConfigException on a malformed entry, a short key, an unknown stream, or a repeated name or key
     */
    public static ApiKeyAuthenticator parse(String configKey, String entries) {
        Map<String, Principal> byDigest = new HashMap<>();
        Set<String> names = new HashSet<>();
        int position = 0;
        for (String entry : entries.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            position++;
            String where = "config key '" + configKey + "', entry " + position;
            String[] parts = entry.trim().split(":", -1);
            if (parts.length < 3 || parts.length > 4) {
                throw new ConfigException(where + " must be NAME:KEY:STREAMS or NAME:KEY:STREAMS:admin");
            }
            String name = parts[0].trim();
            String key = parts[1].trim();
            if (!NAME.matcher(name).matches()) {
                throw new ConfigException(where + " has the name '" + name
                        + "'; a name is letters, digits and . _ @ -");
            }
            if (!KEY.matcher(key).matches()) {
                throw new ConfigException(where + " (" + name + ") has a key that is not at least 16 of"
                        + " the characters A-Z a-z 0-9 . _ ~ -");
            }
            if (parts.length == 4 && !parts[3].trim().equals(ADMIN_ROLE)) {
                throw new ConfigException(where + " (" + name + ") ends in '" + parts[3].trim()
                        + "'; the only role is " + ADMIN_ROLE);
            }
            Principal principal;
            try {
                principal = new Principal(name, StreamGrants.named(Arrays.stream(parts[2].split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList()), parts.length == 4);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + " (" + name + ") names " + e.getMessage(), e);
            }
            if (!names.add(name)) {
                throw new ConfigException(where + " repeats the name '" + name + "'");
            }
            if (byDigest.put(digest(key), principal) != null) {
                throw new ConfigException(where + " (" + name + ") repeats the key of an earlier entry");
            }
        }
        if (byDigest.isEmpty()) {
            throw new ConfigException("config key '" + configKey + "' lists no key; API-key mode needs at least"
                    + " one NAME:KEY:STREAMS entry");
        }
        return new ApiKeyAuthenticator(byDigest);
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public Principal authenticate(String token) throws AuthenticationException {
        Principal principal = byDigest.get(digest(token));
        if (principal == null) {
            throw new AuthenticationException("unknown API key");
        }
        return principal;
    }

    @Override
    public String toString() {
        return byDigest.size() + " API key(s)";
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
