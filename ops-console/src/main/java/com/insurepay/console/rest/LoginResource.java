package com.insurepay.console.rest;

import com.insurepay.console.config.ConsoleConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local login page (the form posts to Quarkus' own {@code /j_security_check}) and logging out of it. Not
 * there in production: the page answers 404 when the local login is off (and %prod denies its paths before that);
 * there OIDC's {@code quarkus.oidc.logout.path} takes {@code /logout}.
 */
@Path("/")
@Produces(Pages.HTML_UTF8)
public class LoginResource {

    private final ConsoleConfig config;
    private final String cookieName;

    public LoginResource(ConsoleConfig config,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookieName) {
        this.config = config;
        this.cookieName = cookieName;
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("error") String error) {
        if (!config.localLoginEnabled()) {
            throw new NotFoundException();
        }
        Site site = new Site(config.title(), null, List.of(), null, "login");
        return Pages.html(error == null ? Response.Status.OK : Response.Status.UNAUTHORIZED, Pages.login(site, error != null));
    }

    /** Forgets the local login's session cookie (the form mechanism keeps no server-side session). */
    @POST
    @Path("logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").maxAge(0).httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .value("").build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
