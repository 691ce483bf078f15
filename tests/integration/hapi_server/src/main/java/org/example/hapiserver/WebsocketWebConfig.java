package org.example.hapiserver;

import ca.uhn.fhir.jpa.subscription.match.config.WebsocketDispatcherConfig;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.socket.config.annotation.EnableWebSocket;

/**
 * The web context of the websocket endpoint (a child of the FHIR context, so HAPI's handler sees
 * the subscription registry): HAPI's {@link WebsocketDispatcherConfig} maps its
 * {@code SubscriptionWebsocketHandler} at {@code SubscriptionSettings.getWebsocketContextPath()}.
 * Only used with {@code -Dhapi.subscriptions.websocket=true}.
 */
@Configuration
@EnableWebSocket
@Import(WebsocketDispatcherConfig.class)
public class WebsocketWebConfig {}
