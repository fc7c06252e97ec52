package io.protectedfiles.operator.aws.lambda;

import java.util.Map;

/**
 * The edge function as the operator sees it (or wants it). The distribution associates
 * {@link #qualifiedArn()}.
 *
 * @param functionArn the unqualified ARN
 * @param version the newest published version that runs the wanted bundle with the wanted settings;
 *     null when none does (yet)
 * @param qualifiedArn that version's ARN; null with it
 * @param codeSha256 that version's CodeSha256 (for the wanted state: the bundle's)
 * @param settings the function's own ($LATEST) settings
 * @param latestCodeSha256 the CodeSha256 of the function's own ($LATEST) code
 */
public record ObservedEdgeFunction(
    String functionName,
    String functionArn,
    String version,
    String qualifiedArn,
    String codeSha256,
    FunctionSettings settings,
    String latestCodeSha256,
    Map<String, String> tags) {

  public ObservedEdgeFunction {
    tags = Map.copyOf(tags);
  }
}
