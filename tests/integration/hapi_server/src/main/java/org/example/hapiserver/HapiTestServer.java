package org.example.hapiserver;

import ca.uhn.fhir.rest.server.RestfulServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Entry point: {@code java -jar hapi-test-server.jar [port]}.
 *
 * <p>Port: first program argument, else system property {@code server.port}, else 8080.
 * Binds 127.0.0.1 only (override with {@code -Dserver.host=...}). The FHIR base is {@code /fhir}.</p>
 */
public final class HapiTestServer {

	private static final Logger ourLog = LoggerFactory.getLogger(HapiTestServer.class);

	private HapiTestServer() {}

	public static void main(String[] args) throws Exception {
		long start = System.nanoTime();
		int port = Integer.parseInt(args.length > 0 ? args[0] : System.getProperty("server.port", "8080"));
		String host = System.getProperty("server.host", "127.0.0.1");

		AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(FhirServerConfig.class);
		spring.registerShutdownHook();
		RestfulServer fhirServlet = spring.getBean(RestfulServer.class);

		Server jetty = new Server();
		ServerConnector connector = new ServerConnector(jetty);
		connector.setHost(host);
		connector.setPort(port);
		jetty.addConnector(connector);

		ServletContextHandler context = new ServletContextHandler();
		context.setContextPath("/");
		ServletHolder holder = new ServletHolder("fhir", fhirServlet);
		holder.setInitOrder(1); // initialise during start-up, not on the first request
		context.addServlet(holder, "/fhir/*");
		if (FhirServerConfig.websocketSubscriptionsEnabled()) {
			// R4 websocket Subscriptions: Jakarta WebSocket in Jetty, Spring's handshake over it, and
			// HAPI's handler in a web context whose parent holds the subscription registry.
			JakartaWebSocketServletContainerInitializer.configure(context, null);
			AnnotationConfigWebApplicationContext web = new AnnotationConfigWebApplicationContext();
			web.setParent(spring);
			web.register(WebsocketWebConfig.class);
			ServletHolder websocket = new ServletHolder("websocket", new DispatcherServlet(web));
			websocket.setInitOrder(2);
			context.addServlet(websocket, "/websocket");
		}
		jetty.setHandler(context);
		jetty.setStopAtShutdown(true);
		jetty.start();

		ourLog.info("HAPI FHIR R4 JPA server ready at http://{}:{}/fhir (started in {} ms)",
				host, connector.getLocalPort(), (System.nanoTime() - start) / 1_000_000);
		jetty.join();
	}
}
