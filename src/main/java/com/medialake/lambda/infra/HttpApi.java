package com.medialake.lambda.infra;

import com.medialake.lambda.rules.LambdaLimits;
import com.pulumi.aws.apigatewayv2.Api;
import com.pulumi.aws.apigatewayv2.ApiArgs;
import com.pulumi.aws.apigatewayv2.Integration;
import com.pulumi.aws.apigatewayv2.IntegrationArgs;
import com.pulumi.aws.apigatewayv2.Route;
import com.pulumi.aws.apigatewayv2.RouteArgs;
import com.pulumi.aws.apigatewayv2.Stage;
import com.pulumi.aws.apigatewayv2.StageArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API (API Gateway v2) in front of the user-facing functions. Each route integrates with the
 * function's invoke target, the {@code live} alias that holds PC, and the invoke permission is qualified
 * by that alias: a route to the bare function would run $LATEST, cold, while PC is billed.
 */
public final class HttpApi extends ComponentResource {
    public static final String TYPE = "medialake:api:HttpApi";

    private final Stage stage;

    public HttpApi(String name, String stack, List<LambdaService> routed, Map<String, String> tags,
                   ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var api = new Api(name, ApiArgs.builder()
                .name(Names.of(Names.Service.HTTP_API, Names.PREFIX + "-" + stack))
                .protocolType("HTTP")
                .description("MediaLake user-facing APIs")
                .tags(tags)
                .build(), child);
        stage = new Stage(name, StageArgs.builder()
                .apiId(api.id())
                .name("$default")
                .autoDeploy(true)
                .tags(tags)
                .build(), child);
        for (LambdaService service : routed) {
            String fn = service.settings().name();
            var integration = new Integration(fn, IntegrationArgs.builder()
                    .apiId(api.id())
                    .integrationType("AWS_PROXY")
                    .integrationMethod("POST")
                    .integrationUri(service.invokeArn())
                    .payloadFormatVersion("2.0")
                    // As long as the function may run, never more than the HTTP API allows (30 s; FleetRules
                    // refuses a longer timeout for a routed function).
                    .timeoutMilliseconds(Math.min(service.settings().timeoutSeconds(),
                            LambdaLimits.MAX_HTTP_API_INTEGRATION_SECONDS) * 1000)
                    .build(), child);
            new Route(fn, RouteArgs.builder()
                    .apiId(api.id())
                    .routeKey(service.settings().routeKey())
                    .target(integration.id().applyValue(id -> "integrations/" + id))
                    .build(), child);
            service.grantInvoke(fn + "-http-api", "apigateway.amazonaws.com",
                    api.executionArn().applyValue(arn -> arn + "/*/*"));
        }
        registerOutputs(Map.of("url", stage.invokeUrl()));
    }

    public Output<String> url() {
        return stage.invokeUrl();
    }
}
