package org.freelanceisland.platform.core.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups and archives for administrators: {@code /api/admin/backups} (make one, list them) and
 * {@code /api/admin/exports/{program}} (all data of one program, or {@code all}, as a zip of JSON
 * Lines per table). Every backup and export is in the audit log.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class BackupResource {

    private static final Logger LOG = LoggerFactory.getLogger(BackupResource.class);

    private final BackupService backups;

    /**
     * A backup file.
     *
     * @param file its name in {@code data/backups}
     * @param bytes its size
     * @param modifiedAt when it was written
     */
    public record BackupFile(String file, long bytes, Instant modifiedAt) {
    }

    /**
     * The outcome of a backup.
     *
     * @param file its name in {@code data/backups}
     * @param path where it is on the node
     * @param bytes its size
     * @param millis how long it took
     * @param kind {@code h2-backup}, {@code h2-script} or {@code pg_dump}
     */
    public record Made(String file, String path, long bytes, long millis, String kind) {
    }

    /**
     * Creates the resource.
     *
     * @param backups the backup service
     */
    public BackupResource(BackupService backups) {
        this.backups = backups;
    }

    /**
     * Backs the database up into {@code data/backups} of the node that answers.
     *
     * @param copy for H2: a zip copy of the database file instead of a SQL script
     * @param security who asks
     * @return 201 with the file
     */
    @POST
    @Path("backups")
    public Response backup(@QueryParam("copy") boolean copy, @Context SecurityContext security) {
        try {
            BackupService.Backup b = backups.backup(copy, security.getUserPrincipal().getName());
            return Response.status(201).entity(new Made(b.file().getFileName().toString(), b.file().toString(), b.bytes(),
                    b.millis(), b.kind())).build();
        } catch (IOException | SQLException e) {
            LOG.warn("Backup failed", e);
            throw ProblemException.unavailable("The backup failed: " + e.getMessage());
        }
    }

    /**
     * The backups and archives of the node that answers, newest first.
     *
     * @return the files
     */
    @GET
    @Path("backups")
    public Page<BackupFile> list() {
        try {
            List<BackupFile> files = new ArrayList<>();
            for (java.nio.file.Path p : backups.list()) {
                files.add(new BackupFile(p.getFileName().toString(), Files.size(p), Files.getLastModifiedTime(p).toInstant()));
            }
            return new Page<>(files, files.size(), 0, Math.max(1, files.size()));
        } catch (IOException e) {
            throw ProblemException.unavailable("Cannot read the backup folder: " + e.getMessage());
        }
    }

    /**
     * All data of one program (its tables and its ledger events), or of everything, as a zip.
     *
     * @param scope the program's id, or {@code all}
     * @param security who asks
     * @return the zip
     */
    @GET
    @Path("exports/{scope}")
    // JSON too, so that a caller asking for JSON gets its 403/404 as problem+json rather than a 406
    @Produces({ "application/zip", MediaType.APPLICATION_JSON })
    public Response export(@PathParam("scope") String scope, @Context SecurityContext security) {
        if (!"all".equals(scope) && !scope.matches("[a-z][a-z0-9-]{0,31}")) {
            throw ProblemException.invalid("scope", "a program id or all");
        }
        try {
            if (!"all".equals(scope) && !backups.hasTables(scope)) {
                throw ProblemException.notFound("program data", scope);
            }
        } catch (SQLException e) {
            throw ProblemException.unavailable("The database is not available: " + e.getMessage());
        }
        String actor = security.getUserPrincipal().getName();
        StreamingOutput body = out -> {
            try {
                backups.export(scope, actor, out);
            } catch (SQLException e) {
                throw new IOException("Export of " + scope + " failed: " + e.getMessage(), e);
            }
        };
        String name = "freelanceisland-" + scope + "-" + java.time.LocalDate.now() + ".zip";
        return Response.ok(body, "application/zip").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
