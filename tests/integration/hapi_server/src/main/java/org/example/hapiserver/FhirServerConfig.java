package org.example.hapiserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.MemoryBinaryStorageSvcImpl;
import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.narrative2.NullNarrativeGenerator;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.dbcp2.BasicDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import javax.sql.DataSource;
import java.util.Properties;

/**
 * Minimal Spring configuration for a HAPI FHIR JPA R4 server on an in-memory H2 database.
 *
 * <p>HAPI supplies almost everything through {@link JpaR4Config} (DAOs, resource providers,
 * search, transaction processing, batch2 job infrastructure, scheduler) and {@link HapiJpaConfig}
 * (paging provider, stale-search cleanup, no-op full-text service). The application has to supply
 * the storage settings, the DataSource, the EntityManagerFactory, the transaction manager and the
 * servlet itself.</p>
 */
@Configuration
@EnableTransactionManagement
@Import({JpaR4Config.class, HapiJpaConfig.class, JpaBatch2Config.class, Batch2JobsConfig.class,
		SubscriptionChannelConfig.class, ThreadPoolFactoryConfig.class})
public class FhirServerConfig {

	/**
	 * R4 Subscriptions with the websocket channel, off unless asked for:
	 * {@code -Dhapi.subscriptions.websocket=true}. Then Subscription resources are validated and
	 * activated, every write is matched against the active ones (in memory where the criteria
	 * allow, else by a database search), and {@link HapiTestServer} serves
	 * {@code ws://host:port/websocket} (HAPI's {@code bind <id>} / {@code bound <id>} /
	 * {@code ping <id>} protocol).
	 */
	public static boolean websocketSubscriptionsEnabled() {
		return Boolean.getBoolean("hapi.subscriptions.websocket");
	}

	static final class WebsocketSubscriptionsEnabled implements Condition {
		@Override
		public boolean matches(ConditionContext theContext, AnnotatedTypeMetadata theMetadata) {
			return websocketSubscriptionsEnabled();
		}
	}

	/** HAPI's subscription submitter (validates, activates) and processor (matches, delivers). */
	@Configuration
	@Conditional(WebsocketSubscriptionsEnabled.class)
	@Import({SubscriptionSubmitterConfig.class, SubscriptionProcessorConfig.class})
	static class SubscriptionsConfig {
		/** The processor wires an email channel too; only websocket is enabled, so it sends nothing. */
		@Bean
		public IEmailSender emailSender() {
			return theDetails -> {};
		}
	}

	@Bean
	public JpaStorageSettings jpaStorageSettings() {
		JpaStorageSettings s = new JpaStorageSettings();
		// Clients may choose their own ids (e.g. UUIDs) via PUT; server-assigned ids are UUIDs too,
		// which HAPI recommends whenever the client strategy is ANY.
		s.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ANY);
		s.setResourceServerIdStrategy(JpaStorageSettings.IdStrategyEnum.UUID);
		s.setAllowExternalReferences(false);
		// Never answer a search from a cached earlier search: tests write and immediately search.
		s.setReuseCachedSearchResultsForMillis(0L);
		s.setAllowMultipleDelete(true);
		s.setExpungeEnabled(false);
		s.setDeleteExpungeEnabled(false);
		// No Lucene/Elasticsearch: Hibernate Search is switched off (see jpaProperties()).
		s.setAdvancedHSearchIndexing(false);
		s.setHibernateSearchIndexFullText(false);
		s.setHibernateSearchIndexSearchParams(false);
		// Versioning, history and ETags stay at their defaults (on).
		return s;
	}

	@Bean
	public PartitionSettings partitionSettings() {
		return new PartitionSettings(); // partitioning off
	}

	@Bean
	public SubscriptionSettings subscriptionSettings() {
		SubscriptionSettings s = new SubscriptionSettings(); // no channel types unless enabled
		if (websocketSubscriptionsEnabled()) {
			s.addSupportedSubscriptionType(SubscriptionChannelType.WEBSOCKET);
			// The default; HapiTestServer mounts the websocket dispatcher at this path.
			s.setWebsocketContextPath("/websocket");
		}
		return s;
	}

	@Bean(destroyMethod = "close")
	public DataSource dataSource() {
		BasicDataSource ds = new BasicDataSource();
		ds.setDriver(new org.h2.Driver());
		// DB_CLOSE_DELAY=-1 keeps the in-memory database alive between pooled connections.
		// -Dhapi.jdbc.url=jdbc:h2:file:... keeps data across restarts (restart scenarios).
		ds.setUrl(System.getProperty("hapi.jdbc.url", "jdbc:h2:mem:hapi_test;DB_CLOSE_DELAY=-1"));
		ds.setUsername("sa");
		ds.setPassword("");
		ds.setMaxTotal(20);
		return ds;
	}

	@Bean
	@Primary
	public LocalContainerEntityManagerFactoryBean entityManagerFactory(
			ConfigurableListableBeanFactory theBeanFactory,
			FhirContext theFhirContext,
			JpaStorageSettings theStorageSettings,
			DataSource theDataSource) {
		LocalContainerEntityManagerFactoryBean emf =
				HapiEntityManagerFactoryUtil.newEntityManagerFactory(theBeanFactory, theFhirContext, theStorageSettings);
		emf.setPersistenceUnitName("HAPI_PU");
		emf.setDataSource(theDataSource);
		emf.setJpaProperties(jpaProperties());
		return emf;
	}

	private static Properties jpaProperties() {
		Properties p = new Properties();
		p.put("hibernate.dialect", HapiFhirH2Dialect.class.getName());
		// Empty in-memory database on every start: let Hibernate create the schema.
		p.put("hibernate.hbm2ddl.auto", "update");
		p.put("hibernate.show_sql", "false");
		p.put("hibernate.format_sql", "false");
		p.put("hibernate.jdbc.batch_size", "20");
		p.put("hibernate.cache.use_query_cache", "false");
		p.put("hibernate.cache.use_second_level_cache", "false");
		p.put("hibernate.cache.use_structured_entries", "false");
		p.put("hibernate.cache.use_minimal_puts", "false");
		// Hibernate Search (Lucene / Elasticsearch full-text indexing) off.
		p.put("hibernate.search.enabled", "false");
		return p;
	}

	@Bean
	@Primary
	public JpaTransactionManager transactionManager(EntityManagerFactory theEntityManagerFactory) {
		JpaTransactionManager tm = new JpaTransactionManager();
		tm.setEntityManagerFactory(theEntityManagerFactory);
		return tm;
	}

	/** Required by HAPI's Binary interceptor bean; kept in memory, never used by the tests. */
	@Bean
	@Lazy
	public IBinaryStorageSvc binaryStorageSvc() {
		return new MemoryBinaryStorageSvcImpl();
	}

	@Bean
	public RestfulServer fhirServlet(
			IFhirSystemDao<?, ?> theSystemDao,
			ResourceProviderFactory theResourceProviderFactory,
			@Qualifier("mySystemProviderR4") JpaSystemProvider<?, ?> theSystemProvider,
			JpaStorageSettings theStorageSettings,
			ISearchParamRegistry theSearchParamRegistry,
			IValidationSupport theValidationSupport,
			DatabaseBackedPagingProvider thePagingProvider) {
		FhirContext ctx = theSystemDao.getContext();
		ctx.setNarrativeGenerator(new NullNarrativeGenerator());

		RestfulServer server = new RestfulServer(ctx);
		// One JPA resource provider per R4 resource type (Patient, Observation, ...).
		server.registerProviders(theResourceProviderFactory.createProviders());
		// System-level operations: transaction/batch Bundles, system history, $meta ...
		server.registerProvider(theSystemProvider);

		JpaCapabilityStatementProvider capabilityStatementProvider = new JpaCapabilityStatementProvider(
				server, theSystemDao, theStorageSettings, theSearchParamRegistry, theValidationSupport);
		capabilityStatementProvider.setImplementationDescription("HAPI FHIR R4 JPA test server (H2 in-memory)");
		server.setServerConformanceProvider(capabilityStatementProvider);

		// Pages of up to 1000 (HAPI's own default caps them at 50): a hospital's server is
		// configured for its load; the client asks for large pages and follows next links.
		thePagingProvider.setDefaultPageSize(20);
		thePagingProvider.setMaximumPageSize(1000);
		server.setPagingProvider(thePagingProvider);
		server.setETagSupport(ETagSupportEnum.ENABLED);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.setDefaultPrettyPrint(false);
		server.setServerAddressStrategy(new IncomingRequestAddressStrategy());
		// SMART on FHIR, off unless asked for: -Dhapi.auth.issuer=<the Keycloak realm's issuer>.
		String issuer = System.getProperty("hapi.auth.issuer", "");
		if (!issuer.isBlank()) {
			try {
				server.registerInterceptor(new SmartAuthInterceptor(issuer, ctx));
			} catch (java.io.IOException e) {
				throw new IllegalArgumentException("hapi.auth.issuer is not a URL: " + issuer, e);
			}
		}
		return server;
	}
}
