package se.vardbrygga.adapter.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.util.X509CertUtils;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import se.vardbrygga.adapter.config.AdapterConfig;

/**
 * Verifies a bearer access token (a signed JWT) with Nimbus JOSE+JWT: signature by a key of the configured JWKS
 * (file, or URL fetched and cached by Nimbus) or, for a token of this server's own token endpoint (its issuer), by
 * that endpoint's key; RS256/RS384/ES256/ES384 only, type JWT or at+jwt, issuer, audience,
 * expiry and not-before with the configured clock skew; subject and expiry are required. The caller's unit is the
 * HSA-id in the configured claim, its scopes the {@code scope} claim.
 */
public final class TokenVerifier {
    /** The signatures accepted on access tokens and on the own token endpoint's client assertions. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    /** The outside issuer's check (JWKS file or URL), if configured. */
    private final Optional<DefaultJWTProcessor<SecurityContext>> outside;
    /** The check of this server's own token endpoint's tokens, if it runs one. */
    private final Optional<DefaultJWTProcessor<SecurityContext>> own;
    private final String unitClaim;

    /** A refused token, with what is wrong in words a client can act on (no token content). */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    /** Trusts the configured outside issuer (if keys are configured) and this server's token endpoint's {@code ownKeys}. */
    public TokenVerifier(AdapterConfig.Security config, Optional<JWKSet> ownKeys) {
        this(config.jwksFile().isBlank() && config.jwksUrl().isBlank() ? Optional.empty() : Optional.of(keys(config)), config, ownKeys);
    }

    TokenVerifier(Optional<JWKSource<SecurityContext>> outsideKeys, AdapterConfig.Security config, Optional<JWKSet> ownKeys) {
        this.unitClaim = config.unitClaim();
        this.outside = outsideKeys.map(keys -> processor(keys, config.issuer(), config.audience(), config.clockSkewSeconds()));
        this.own = ownKeys.map(keys -> processor(new ImmutableJWKSet<>(keys), TokenEndpoint.ISSUER, TokenEndpoint.AUDIENCE,
                config.clockSkewSeconds()));
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys, String issuer, String audience,
                                                                  long clockSkewSeconds) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                audience.isBlank() ? null : audience,
                issuer.isBlank() ? null : new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(Set.of("sub", "exp")));
        claims.setMaxClockSkew((int) clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    private static JWKSource<SecurityContext> keys(AdapterConfig.Security config) {
        try {
            if (!config.jwksFile().isBlank()) {
                return new ImmutableJWKSet<>(JWKSet.load(Path.of(config.jwksFile()).toFile()));
            }
            return JWKSourceBuilder.create(URI.create(config.jwksUrl()).toURL()).retrying(true).build();
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("security: cannot read the JWKS " + config.jwksFile() + config.jwksUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The caller of a valid token. A token bound to a client certificate (RFC 8705: {@code cnf} with
     * {@code x5t#S256}) is valid only over a mutual-TLS connection that presented that certificate: a copied token
     * replayed by another client is refused.
     */
    public Caller verify(String token, Optional<X509Certificate> clientCertificate) throws Refused {
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            boolean ours = own.isPresent() && TokenEndpoint.ISSUER.equals(jwt.getJWTClaimsSet().getIssuer());
            DefaultJWTProcessor<SecurityContext> processor = (ours ? own : outside)
                    .orElseThrow(() -> new Refused("the token is from an issuer this server does not trust"));
            claims = processor.process(jwt, null);
        } catch (ParseException e) {
            throw new Refused("the token is not a signed JWT");
        } catch (BadJWTException e) {
            throw new Refused(reason(e.getMessage()));
        } catch (BadJOSEException e) {
            throw new Refused("signature not valid for the configured keys (" + e.getMessage() + ")");
        } catch (JOSEException e) {
            throw new Refused("the token cannot be checked: " + e.getMessage());
        }
        checkBinding(claims, clientCertificate);
        try {
            return Caller.of(claims.getSubject(), claims.getStringClaim(unitClaim), Scopes.parse(claims.getStringClaim("scope")));
        } catch (ParseException e) {
            throw new Refused("claims '" + unitClaim + "' and 'scope' must be strings");
        }
    }

    private static void checkBinding(JWTClaimsSet claims, Optional<X509Certificate> clientCertificate) throws Refused {
        if (!(claims.getClaim("cnf") instanceof java.util.Map<?, ?> cnf) || !(cnf.get(CERTIFICATE_THUMBPRINT) instanceof String bound)) {
            return;
        }
        if (clientCertificate.isEmpty()) {
            throw new Refused("the token is bound to a client certificate (cnf x5t#S256): present it over mutual TLS");
        }
        if (!bound.equals(thumbprint(clientCertificate.get()))) {
            throw new Refused("the token is bound to another client certificate than this connection's (cnf x5t#S256)");
        }
    }

    /** The claim of {@code cnf} that binds a token to a certificate: its SHA-256 thumbprint, base64url (RFC 8705). */
    public static final String CERTIFICATE_THUMBPRINT = "x5t#S256";

    public static String thumbprint(X509Certificate certificate) {
        return X509CertUtils.computeSHA256Thumbprint(certificate).toString();
    }

    private static String reason(String nimbus) {
        String m = nimbus == null ? "" : nimbus.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("expired")) {
            return "the token has expired";
        }
        if (m.contains("audience")) {
            return "the token is not for this server (audience)";
        }
        if (m.contains("iss")) {
            return "the token is from an issuer this server does not trust";
        }
        if (m.contains("before use time")) {
            return "the token is not valid yet (nbf)";
        }
        return "the token's claims are refused: " + nimbus;
    }
}
