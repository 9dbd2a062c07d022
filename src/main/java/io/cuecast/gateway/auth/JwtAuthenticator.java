package io.cuecast.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.cuecast.gateway.Stream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies signed JWTs with nimbus-jose-jwt: HS256 with a shared secret, RS256 with an RSA public
 * key, or either when both are configured. Unsigned ({@code alg: none}), encrypted and otherwise
 * signed tokens are refused. A token must carry {@code sub}, {@code exp} and the streams claim
 * (names, or {@code "*"} for all), and {@code iss}/{@code aud} when they are configured; {@code nbf}
 * is honoured when present. A true admin claim grants the admin role.
 */
public final class JwtAuthenticator implements Authenticator {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final JwtSettings settings;

    public JwtAuthenticator(JwtSettings settings, Clock clock) {
        this.settings = settings;
        List<JWK> keys = new ArrayList<>();
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        settings.hs256Secret().ifPresent(secret -> {
            keys.add(new OctetSequenceKey.Builder(secret.getBytes(StandardCharsets.UTF_8))
                    .algorithm(JWSAlgorithm.HS256).build());
            algorithms.add(JWSAlgorithm.HS256);
        });
        settings.rs256PublicKey().ifPresent(key -> {
            keys.add(new RSAKey.Builder(key).algorithm(JWSAlgorithm.RS256).build());
            algorithms.add(JWSAlgorithm.RS256);
        });
        // The selector picks keys by the header's algorithm and the key's type, so an RSA public key
        // can never be misused as an HMAC secret.
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new ImmutableJWKSet<>(new JWKSet(keys))));
        processor.setJWTClaimsSetVerifier(claimsVerifier(settings, clock));
    }

    private static DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(JwtSettings settings, Clock clock) {
        JWTClaimsSet.Builder exactMatch = new JWTClaimsSet.Builder();
        Set<String> required = new HashSet<>(Set.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME,
                settings.streamsClaim()));
        settings.issuer().ifPresent(issuer -> {
            exactMatch.issuer(issuer);
            required.add(JWTClaimNames.ISSUER);
        });
        Set<String> audiences = settings.audience().map(Set::of).orElse(null);
        if (audiences != null) {
            required.add(JWTClaimNames.AUDIENCE);
        }
        DefaultJWTClaimsVerifier<SecurityContext> verifier =
                new DefaultJWTClaimsVerifier<>(audiences, exactMatch.build(), required, null) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        verifier.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        return verifier;
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public Principal authenticate(String token) throws AuthenticationException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new AuthenticationException("the token is not a JWT: " + e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            throw new AuthenticationException("invalid token: " + e.getMessage());
        }
        // exp is a required claim, so it is there; the skew keeps a token accepted near its end from
        // being dropped at the next sweep.
        return new Principal(claims.getSubject(), streams(claims), admin(claims),
                claims.getExpirationTime().toInstant().plus(settings.clockSkew()));
    }

    private Set<Stream> streams(JWTClaimsSet claims) throws AuthenticationException {
        String name = settings.streamsClaim();
        Object value = claims.getClaim(name);
        List<String> names = new ArrayList<>();
        if (value instanceof String single) {
            names.add(single);
        } else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            list.forEach(item -> names.add((String) item));
        } else {
            throw new AuthenticationException("the token's " + name + " claim must be a list of stream names or \"*\"");
        }
        try {
            return StreamGrants.named(names);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("the token's " + name + " claim names " + e.getMessage());
        }
    }

    private boolean admin(JWTClaimsSet claims) throws AuthenticationException {
        Object value = claims.getClaim(settings.adminClaim());
        if (value != null && !(value instanceof Boolean)) {
            throw new AuthenticationException("the token's " + settings.adminClaim() + " claim must be true or false");
        }
        return Boolean.TRUE.equals(value);
    }

    @Override
    public String toString() {
        return "JWT (" + settings.describe() + ")";
    }
}
