package org.freelanceisland.platform.core.internal.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.annotation.security.RolesAllowed;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.core.internal.admin.Accounts.Account;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/admin/accounts}: administrators manage the staff accounts of the JAAS realm. Every
 * change is written to the audit log (never the password); passwords are hashed by the realm and
 * never returned.
 */
@Path("admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class AccountResource {

    private final Supplier<AccountService> accounts;
    private final Supplier<? extends AuditLog> audit;

    /** A new account. */
    public record NewAccount(@NotNull @Size(min = 2, max = 64) String name, @NotNull String password,
            @NotNull @Size(min = 1, max = 4) Set<@NotNull String> roles) {
        @Override
        public String toString() {
            return "NewAccount[name=" + name + ", roles=" + roles + "]"; // never the password
        }
    }

    /** The roles of an account. */
    public record RoleChange(@NotNull @Size(min = 1, max = 4) Set<@NotNull String> roles) {
    }

    /** A new password. */
    public record PasswordReset(@NotNull String password) {
        @Override
        public String toString() {
            return "PasswordReset[]";
        }
    }

    /**
     * Creates the resource.
     *
     * @param accounts the account management, or {@code null} while the realm is not available
     * @param audit the audit log, or {@code null} while the database is not available
     */
    public AccountResource(Supplier<AccountService> accounts, Supplier<? extends AuditLog> audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Lists the accounts by name.
     *
     * @param page offset and limit
     * @return the page
     */
    @GET
    public Page<Account> list(@BeanParam PageParams page) {
        PageRequest window = page.toRequest();
        List<Account> all = accounts().list();
        List<Account> items = all.stream().skip(window.offset()).limit(window.limit()).toList();
        return new Page<>(items, all.size(), window.offset(), window.limit());
    }

    /**
     * One account.
     *
     * @param name the user name
     * @return the account
     */
    @GET
    @Path("{name}")
    public Account get(@PathParam("name") String name) {
        return accounts().find(name).orElseThrow(() -> ProblemException.notFound("account", name));
    }

    /**
     * Creates an account.
     *
     * @param body name, password and roles
     * @param security the administrator
     * @return 201 with the account
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAccount body, @Context SecurityContext security) {
        AuditLog log = audit();
        Account account = run(() -> accounts().create(body.name(), body.password(), body.roles()));
        log.record(new AuditEntry(actor(security), "platform.account.create", "account", account.name(), null,
                Map.of("roles", String.join(",", account.roles()))));
        return Response.created(URI.create("admin/accounts/" + account.name())).entity(account).build();
    }

    /**
     * Replaces the platform roles of an account.
     *
     * @param name the user name
     * @param body the roles
     * @param security the administrator
     * @return the account
     */
    @PUT
    @Path("{name}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Account setRoles(@PathParam("name") String name, RoleChange body, @Context SecurityContext security) {
        AuditLog log = audit();
        Account account = run(() -> accounts().setRoles(name, body.roles(), actor(security)));
        log.record(new AuditEntry(actor(security), "platform.account.roles", "account", name, null,
                Map.of("roles", String.join(",", account.roles()))));
        return account;
    }

    /**
     * Sets a new password (at least {@value Accounts#MIN_PASSWORD_LENGTH} characters).
     *
     * @param name the user name
     * @param body the password
     * @param security the administrator
     * @return 204
     */
    @POST
    @Path("{name}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetPassword(@PathParam("name") String name, PasswordReset body, @Context SecurityContext security) {
        AuditLog log = audit();
        run(() -> {
            accounts().resetPassword(name, body.password());
            return null;
        });
        log.record(AuditEntry.of(actor(security), "platform.account.password-reset", "account", name, null));
        return Response.noContent().build();
    }

    /**
     * Disables an account: it can no longer sign in, from this moment.
     *
     * @param name the user name
     * @param security the administrator
     * @return the account
     */
    @POST
    @Path("{name}/disable")
    public Account disable(@PathParam("name") String name, @Context SecurityContext security) {
        AuditLog log = audit();
        Account account = run(() -> accounts().disable(name, actor(security)));
        log.record(AuditEntry.of(actor(security), "platform.account.disable", "account", name, null));
        return account;
    }

    /**
     * Enables a disabled account with the roles it had.
     *
     * @param name the user name
     * @param security the administrator
     * @return the account
     */
    @POST
    @Path("{name}/enable")
    public Account enable(@PathParam("name") String name, @Context SecurityContext security) {
        AuditLog log = audit();
        Account account = run(() -> accounts().enable(name));
        log.record(AuditEntry.of(actor(security), "platform.account.enable", "account", name, null));
        return account;
    }

    private static <T> T run(Supplier<T> change) {
        try {
            return change.get();
        } catch (Accounts.UnknownAccountException e) {
            throw new ProblemException(404, "not-found", "Not found", e.getMessage(), List.of());
        } catch (Accounts.RuleException e) {
            throw ProblemException.unprocessable(e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e, "body");
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }

    private Accounts accounts() {
        AccountService service = accounts.get();
        if (service == null) {
            throw ProblemException.unavailable("Account management is not available: the JAAS realm is not ready");
        }
        return service.accounts();
    }

    private AuditLog audit() {
        AuditLog log = audit.get();
        if (log == null) {
            throw ProblemException.unavailable("The audit log is not available, so accounts cannot be changed now");
        }
        return log;
    }

    private static String actor(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
