package org.example.hapiserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMART on FHIR (v2, with v1 read/write accepted) for the test server, on only when started
 * with {@code -Dhapi.auth.issuer=<OpenID Connect issuer>} (the Keycloak realm).
 *
 * <p>Every request but {@code metadata} and {@code .well-known/smart-configuration} needs a
 * Bearer access token of that issuer: signature checked against the issuer's JWKS, issuer and
 * expiry checked (else 401). The token's {@code scope} claim must then grant what the request
 * does: {@code user/<Type>.r} read, {@code .s} search, {@code .c} create, {@code .u} update
 * (PUT, PATCH), {@code .d} delete; a transaction or batch needs what each entry needs (else
 * 403 with an OperationOutcome, issue code {@code forbidden}, one issue per missing scope:
 * "missing scope user/Observation.u").</p>
 */
@Interceptor
public class SmartAuthInterceptor {

	private static final Logger ourLog = LoggerFactory.getLogger(SmartAuthInterceptor.class);
	private static final String SCOPES_ATTRIBUTE = SmartAuthInterceptor.class.getName() + ".scopes";
	private static final Pattern SCOPE = Pattern.compile(
			"(user|system)/([A-Za-z]+|\\*)\\.(read|write|\\*|c?r?u?d?s?)(\\?.*)?");
	static final List<String> SCOPES_SUPPORTED = List.of(
			"openid", "profile", "fhirUser", "offline_access",
			"user/*.cruds", "user/*.rs", "user/*.read", "user/*.write");

	private final String myIssuer;
	private final FhirContext myContext;
	private final DefaultJWTProcessor<SecurityContext> myProcessor;

	public SmartAuthInterceptor(String theIssuer, FhirContext theContext) throws IOException {
		myIssuer = theIssuer.replaceAll("/+$", "");
		myContext = theContext;
		// The realm's keys, fetched on first use and again when a token names an unknown key.
		JWKSource<SecurityContext> keys = JWKSourceBuilder
				.create(URI.create(myIssuer + "/protocol/openid-connect/certs").toURL())
				.retrying(true)
				.build();
		myProcessor = new DefaultJWTProcessor<>();
		myProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(
				Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), keys));
		myProcessor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
				new JWTClaimsSet.Builder().issuer(myIssuer).build(), Set.of("exp", "iat", "sub")));
		ourLog.info("SMART authorization on: tokens of {}", myIssuer);
	}

	// --- authentication (401) and the open endpoints ------------------------------------------

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
	public boolean authenticate(HttpServletRequest theRequest, HttpServletResponse theResponse)
			throws IOException {
		String path = pathBelowBase(theRequest);
		if (path.equals(".well-known/smart-configuration")) {
			write(theResponse, 200, "application/json", smartConfiguration());
			return false;
		}
		if (path.equals("metadata")) {
			return true;
		}
		String header = theRequest.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return unauthorized(theResponse, "no bearer token");
		}
		JWTClaimsSet claims;
		try {
			claims = myProcessor.process(header.substring(7).trim(), null);
		} catch (Exception e) {
			// The reason is for the server log; the client learns only "invalid_token".
			ourLog.info("token refused: {}", e.getMessage());
			return unauthorized(theResponse, "invalid token");
		}
		Object scope = claims.getClaim("scope");
		Set<String> granted = new HashSet<>();
		if (scope instanceof String text) {
			for (String s : text.trim().split("\\s+")) {
				if (!s.isEmpty()) {
					granted.add(s);
				}
			}
		}
		theRequest.setAttribute(SCOPES_ATTRIBUTE, granted);
		return true;
	}

	private static String pathBelowBase(HttpServletRequest theRequest) {
		String path = theRequest.getPathInfo();
		return path == null ? "" : path.replaceAll("^/+", "").replaceAll("/+$", "");
	}

	private boolean unauthorized(HttpServletResponse theResponse, String theWhy) throws IOException {
		theResponse.setHeader("WWW-Authenticate", "Bearer realm=\"fhir\", error=\"invalid_token\"");
		write(theResponse, 401, "application/fhir+json", outcome("login", theWhy));
		return false;
	}

	private static void write(HttpServletResponse theResponse, int theStatus, String theType, String theBody)
			throws IOException {
		byte[] body = theBody.getBytes(StandardCharsets.UTF_8);
		theResponse.setStatus(theStatus);
		theResponse.setContentType(theType + ";charset=utf-8");
		theResponse.setContentLength(body.length);
		theResponse.getOutputStream().write(body);
		theResponse.getOutputStream().flush();
	}

	private static String outcome(String theCode, String theDiagnostics) {
		return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
				+ theCode + "\",\"diagnostics\":\"" + json(theDiagnostics) + "\"}]}";
	}

	private String smartConfiguration() {
		StringBuilder scopes = new StringBuilder();
		for (String s : SCOPES_SUPPORTED) {
			scopes.append(scopes.length() == 0 ? "" : ",").append('"').append(json(s)).append('"');
		}
		String oidc = myIssuer + "/protocol/openid-connect";
		return "{\"issuer\":\"" + json(myIssuer) + "\","
				+ "\"authorization_endpoint\":\"" + json(oidc + "/auth") + "\","
				+ "\"token_endpoint\":\"" + json(oidc + "/token") + "\","
				+ "\"jwks_uri\":\"" + json(oidc + "/certs") + "\","
				+ "\"grant_types_supported\":[\"authorization_code\",\"refresh_token\"],"
				+ "\"scopes_supported\":[" + scopes + "],"
				+ "\"response_types_supported\":[\"code\"],"
				+ "\"capabilities\":[\"launch-standalone\",\"client-public\",\"permission-v2\",\"permission-user\"],"
				+ "\"code_challenge_methods_supported\":[\"S256\"]}";
	}

	private static String json(String theText) {
		return theText.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	// --- authorization (403) -------------------------------------------------------------------

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void authorize(RequestDetails theRequest, RestOperationTypeEnum theOperation) {
		if (theOperation == RestOperationTypeEnum.METADATA) {
			return;
		}
		@SuppressWarnings("unchecked")
		Set<String> granted = (Set<String>) theRequest.getAttribute(SCOPES_ATTRIBUTE);
		if (granted == null) {
			granted = Set.of(); // cannot happen: authenticate() ran first
		}
		Set<String> needed = new LinkedHashSet<>();
		String type = theRequest.getResourceName();
		switch (theOperation) {
			case READ, VREAD, HISTORY_INSTANCE -> needed.add(scope(type, 'r'));
			case SEARCH_TYPE, HISTORY_TYPE -> needed.add(scope(type, 's'));
			case CREATE -> needed.add(scope(type, 'c'));
			case UPDATE, PATCH -> needed.add(scope(type, 'u'));
			case DELETE -> needed.add(scope(type, 'd'));
			case TRANSACTION, BATCH -> neededForBundle(theRequest, needed);
			// Later pages of a search the token was allowed to start.
			case GET_PAGE -> { }
			default -> needed.add(scope("*", 'r')); // system-wide and other operations
		}
		List<String> missing = new ArrayList<>();
		for (String scope : needed) {
			if (!grants(granted, scope)) {
				missing.add(scope);
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		OperationOutcome outcome = new OperationOutcome();
		for (String scope : missing) {
			outcome.addIssue()
					.setSeverity(OperationOutcome.IssueSeverity.ERROR)
					.setCode(OperationOutcome.IssueType.FORBIDDEN)
					.setDiagnostics("missing scope " + scope);
		}
		ourLog.info("{} refused: missing {}", theOperation.getCode(), missing);
		throw new ForbiddenOperationException("missing scope " + String.join(" ", missing), outcome);
	}

	private void neededForBundle(RequestDetails theRequest, Set<String> theNeeded) {
		IBaseResource resource = theRequest.getResource();
		if (resource == null) {
			byte[] body = theRequest.loadRequestContents();
			resource = myContext.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
		}
		if (!(resource instanceof Bundle bundle)) {
			theNeeded.add(scope("*", 'c'));
			return;
		}
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			String method = entry.getRequest().getMethod() == null ? "" : entry.getRequest().getMethod().toCode();
			String url = entry.getRequest().getUrl() == null ? "" : entry.getRequest().getUrl();
			String path = url.split("\\?", 2)[0];
			String[] parts = path.split("/");
			String type = parts[0].isEmpty() ? "*" : parts[0];
			boolean instance = parts.length > 1 && !parts[1].isEmpty() && !parts[1].startsWith("_");
			switch (method) {
				case "GET", "HEAD" -> theNeeded.add(scope(type, instance ? 'r' : 's'));
				case "POST" -> theNeeded.add(scope(type, path.endsWith("_search") ? 's' : 'c'));
				case "PUT", "PATCH" -> theNeeded.add(scope(type, 'u'));
				case "DELETE" -> theNeeded.add(scope(type, 'd'));
				default -> theNeeded.add(scope(type, 'u'));
			}
		}
	}

	private static String scope(String theType, char thePermission) {
		return "user/" + (theType == null ? "*" : theType) + "." + thePermission;
	}

	/** Does one of the granted scopes give {@code theScope} ("user/Type.x")? */
	static boolean grants(Set<String> theGranted, String theScope) {
		String type = theScope.substring(5, theScope.lastIndexOf('.'));
		char permission = theScope.charAt(theScope.length() - 1);
		for (String granted : theGranted) {
			Matcher m = SCOPE.matcher(granted);
			if (!m.matches() || !m.group(1).equals("user")) {
				continue;
			}
			if (!m.group(2).equals("*") && !m.group(2).equals(type)) {
				continue;
			}
			String perms = m.group(3);
			boolean ok = switch (perms) {
				case "*" -> true;
				case "read" -> permission == 'r' || permission == 's';
				case "write" -> permission == 'c' || permission == 'u' || permission == 'd';
				default -> perms.indexOf(permission) >= 0;
			};
			if (ok) {
				return true;
			}
		}
		return false;
	}
}
