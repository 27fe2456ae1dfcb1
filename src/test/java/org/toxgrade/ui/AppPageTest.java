package org.toxgrade.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The page's files and configuration are open and carry no patient data; its data calls are not. */
@QuarkusTest
class AppPageTest {

    @Test
    void thePageIsServedWithoutATokenUnderAPolicyThatAllowsOnlyTheServicesOwnScripts() {
        given().when().get("/app/").then().statusCode(200)
                .body(containsString("<script src=\"app.js\" defer></script>"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().when().get("/app/app.js").then().statusCode(200);
        given().when().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
    }

    @Test
    void theApiKeepsItsOwnStricterPolicy() {
        given().when().get("/fhir/metadata").then().statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
    }

    @Test
    void theConfigurationNamesTheLocalSignInInLocalRuns() {
        given().when().get("/app/config").then().statusCode(200)
                .body("localSignIn", equalTo(true))
                .body("clientId", equalTo("toxgrade-app"))
                .body("authorizationEndpoint", endsWith("/auth/authorize"))
                .body("tokenEndpoint", endsWith("/auth/token"))
                .body("scope", equalTo("launch/patient user/Condition.rs user/Flag.rs"));
    }

    @Test
    void theDataTheyShowNeedAToken() {
        given().when().get("/api/worklist").then().statusCode(401);
        given().when().get("/api/patients/pres-case/timeline").then().statusCode(401);
    }
}
