package org.freelanceisland.platform.core.internal.rest;

import java.time.Duration;

import javax.validation.Validation;
import javax.validation.Validator;
import javax.validation.ValidatorFactory;
import javax.ws.rs.ext.ContextResolver;

import org.freelanceisland.platform.core.internal.auth.Authenticator;
import org.freelanceisland.platform.core.internal.auth.JaasAuthenticator;
import org.freelanceisland.platform.core.internal.auth.JdbcSessionBackend;
import org.freelanceisland.platform.core.internal.auth.JdbcThrottleBackend;
import org.freelanceisland.platform.core.internal.auth.LoginCache;
import org.freelanceisland.platform.core.internal.auth.PlatformDataSource;
import org.freelanceisland.platform.core.internal.auth.SessionStore;
import org.freelanceisland.platform.core.internal.auth.SignInThrottle;
import org.freelanceisland.platform.rest.RestSupport;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Configures every module's Jersey application the same way. */
@Component(service = { RestSupport.class, RestSupportImpl.class }, configurationPid = "org.freelanceisland.rest")
@Designate(ocd = RestSupportImpl.Config.class)
public final class RestSupportImpl implements RestSupport {

    /** Settings of the REST API, in {@code etc/org.freelanceisland.rest.cfg}. */
    @ObjectClassDefinition(name = "Freelance Island REST API", description = "Authentication and limits of the REST API")
    public @interface Config {
        /** @return the JAAS realm that checks passwords */
        @AttributeDefinition(name = "JAAS realm")
        String realm() default "karaf";

        /** @return seconds a successful login is remembered */
        @AttributeDefinition(name = "Login cache (seconds)", min = "0", max = "3600")
        int loginCacheSeconds() default 60;

        /** @return the largest request body accepted */
        @AttributeDefinition(name = "Largest request body (bytes)", min = "1024")
        long maxRequestBytes() default 1_048_576;

        /** @return minutes a console session lasts without a request */
        @AttributeDefinition(name = "Session idle timeout (minutes)", min = "1", max = "1440")
        int sessionIdleMinutes() default 30;

        /** @return hours a console session lasts at most, however busy */
        @AttributeDefinition(name = "Longest session (hours)", min = "1", max = "168")
        int sessionMaxHours() default 12;

        /** @return failed sign-ins in a row after which a user name is locked */
        @AttributeDefinition(name = "Failed sign-ins before a lock", min = "1", max = "100")
        int signInFailuresBeforeLock() default 5;

        /** @return seconds of the first lock; each further failure doubles it, up to 15 minutes */
        @AttributeDefinition(name = "First lock after failed sign-ins (seconds)", min = "1", max = "900")
        int signInLockSeconds() default 60;
    }

    /** The longest lock of a user name after failed sign-ins. */
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** The most console sessions kept at once; beyond, the least recently used ends. */
    private static final int MAX_SESSIONS = 10_000;

    /**
     * Jersey warns that every resource registered as an instance "does not implement any provider
     * interfaces" and then serves it as a resource all the same (jersey #3700). Modules register
     * their resources as instances, so that warning would only be noise; real provider problems
     * are still logged at SEVERE. Held in a field: JUL keeps loggers only weakly.
     */
    private static final java.util.logging.Logger JERSEY_PROVIDER_CHECK =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    static {
        JERSEY_PROVIDER_CHECK.setLevel(java.util.logging.Level.SEVERE);
    }

    private final ObjectMapper mapper = JsonMapperFactory.create();
    /** Built on first use: bootstrapping Hibernate Validator takes about 0.2 s of CPU on a cold JVM. */
    private final Object validatorLock = new Object();
    private ValidatorFactory validatorFactory; // guarded by validatorLock
    private volatile Validator validator;
    private boolean closed; // guarded by validatorLock
    private final Authenticator authenticator;
    private final long maxRequestBytes;
    private final SessionStore sessions;
    private final SignInThrottle throttle;

    /**
     * Starts the REST support.
     *
     * @param config its settings
     * @param logins the logins remembered, shared with the account management
     * @param database where sessions and failed sign-ins are kept, shared by every node
     */
    @Activate
    public RestSupportImpl(Config config, @Reference LoginCache logins, @Reference PlatformDataSource database) {
        this(new JaasAuthenticator(config.realm(), config.loginCacheSeconds(), logins), config.maxRequestBytes(),
                sessions(new JdbcSessionBackend(database), Duration.ofMinutes(config.sessionIdleMinutes()),
                        Duration.ofHours(config.sessionMaxHours())),
                new SignInThrottle(new JdbcThrottleBackend(database), config.signInFailuresBeforeLock(),
                        Duration.ofSeconds(config.signInLockSeconds()), MAX_LOCK, System::currentTimeMillis));
    }

    private static SessionStore sessions(SessionStore.Backend backend, Duration idle, Duration maxAge) {
        return new SessionStore(backend, idle, maxAge.compareTo(idle) < 0 ? idle : maxAge, MAX_SESSIONS,
                System::currentTimeMillis);
    }

    /**
     * Creates the REST support with a given authenticator and the default session settings (used
     * by tests).
     *
     * @param authenticator checks credentials
     * @param maxRequestBytes the largest request body accepted
     */
    public RestSupportImpl(Authenticator authenticator, long maxRequestBytes) {
        this(authenticator, maxRequestBytes, sessions(SessionStore.memory(), Duration.ofMinutes(30), Duration.ofHours(12)),
                new SignInThrottle(5, Duration.ofMinutes(1), MAX_LOCK, System::currentTimeMillis));
    }

    /**
     * Creates the REST support with given parts (used by tests).
     *
     * @param authenticator checks credentials
     * @param maxRequestBytes the largest request body accepted
     * @param sessions the console's sessions
     * @param throttle the lock on user names after failed sign-ins
     */
    public RestSupportImpl(Authenticator authenticator, long maxRequestBytes, SessionStore sessions,
            SignInThrottle throttle) {
        this.authenticator = authenticator;
        this.maxRequestBytes = maxRequestBytes;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /**
     * The validator of request bodies, made by the first request that has a body rather than at
     * activation: the platform's REST support is on the path of {@code /api/health}, which a fresh
     * start should answer as early as it can, and most requests (every GET) never validate.
     *
     * @return the validator
     */
    Validator validator() {
        Validator current = validator;
        if (current != null) {
            return current;
        }
        synchronized (validatorLock) {
            if (validator == null) {
                if (closed) {
                    throw new IllegalStateException("the REST support has stopped");
                }
                validatorFactory = buildValidatorFactory();
                validator = validatorFactory.getValidator();
            }
            return validator;
        }
    }

    private static ValidatorFactory buildValidatorFactory() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HibernateValidator.class.getClassLoader());
        try {
            // named explicitly: the service loader of javax.validation cannot see providers in OSGi
            return Validation.byProvider(HibernateValidator.class)
                    .providerResolver(() -> java.util.List.of(new HibernateValidator()))
                    .configure()
                    .messageInterpolator(new LocalizedInterpolator(new ParameterMessageInterpolator()))
                    .buildValidatorFactory();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Deactivate
    void close() {
        synchronized (validatorLock) {
            closed = true;
            if (validatorFactory != null) {
                validatorFactory.close();
            }
        }
    }

    @Override
    public ResourceConfig application(String moduleId) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("freelance-island-" + moduleId);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true);
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new ContextResolver<ObjectMapper>() {
            @Override
            public ObjectMapper getContext(Class<?> type) {
                return mapper;
            }
        });
        config.register(new RequestSizeFilter.Binding(maxRequestBytes));
        config.register(new AuthenticationFilter(authenticator, sessions, throttle));
        config.register(new CsrfFeature());
        config.register(new AuthorizationFeature());
        config.register(new BlankPathParameterFilter());
        config.register(new BodyValidationInterceptor(this::validator));
        config.register(new ResponseHeadersFilter());
        config.register(new ProblemExceptionMapper());
        config.register(new WebApplicationExceptionMapper());
        config.register(new JsonExceptionMapper());
        config.register(new ConstraintViolationMapper());
        config.register(new FallbackExceptionMapper(moduleId));
        return config;
    }

    /**
     * The resource of {@code /api/session}, where the console signs in and out, sharing this REST
     * support's sessions. Only the platform's own application registers it.
     *
     * @return a new resource
     */
    public Object sessionResource() {
        return new SessionResource(authenticator, sessions, throttle);
    }

    /**
     * The largest request body accepted where a resource method names no limit of its own.
     *
     * @return bytes
     */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /**
     * The platform's JSON mapper.
     *
     * @return the mapper
     */
    public ObjectMapper mapper() {
        return mapper;
    }
}
