// For machines: the documented, versioned format of docs/json-format.md (schema in
// docs/json-format.schema.json). Deterministic: no timestamps, sorted diagnostics. Control, bidi and
// other invisible characters of repo text are written as \uXXXX escapes: the data is unchanged.
import { jsonSafe } from '../runner/escape.js';
import type { Reporter } from '../runner/types.js';

export const JSON_SCHEMA_VERSION = 2;

export const json: Reporter = (result) => {
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: result.tool.name, version: result.tool.version },
    repos: result.repos.map((r) => ({
      name: r.name,
      path: r.displayPath.split('\\').join('/'),
      kind: r.kind,
      mode: r.mode,
      modeReason: r.modeReason,
      rev: r.rev ?? null,
      commit: r.commit ?? null,
      namedBy: r.namedBy ?? null,
    })),
    diagnostics: result.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      messageId: d.messageId,
      data: d.data,
      message: d.message,
      location: d.location,
      ...(d.related ? { related: d.related } : {}),
      ...(d.suggestion ? { suggestion: d.suggestion } : {}),
      ...(d.unverified ? { unverified: true } : {}),
      fingerprint: d.fingerprint,
    })),
    summary: result.summary,
  };
  return jsonSafe(JSON.stringify(report, null, 2)) + '\n';
};
