// Splits a compact JWS into its three parts and decodes each with jose's base64url, naming the part that fails.
import { base64url } from 'jose';

/** The three parts of a compact JWS, 1-based as people count them (RFC 7515 section 7.1). */
export type JwsPartNumber = 1 | 2 | 3;

/** Why a string is not a compact JWS whose header and payload are JSON objects. */
export type JwsPartsFailure =
  /** Not three dot-separated parts (`parts` found); five parts is a JWE (RFC 7516 section 7.1). */
  | { failure: 'part-count'; parts: number }
  /** A part has no characters (for the signature: an unsigned token). */
  | { failure: 'empty-part'; part: JwsPartNumber }
  /** A part has a character outside the base64url alphabet (`character`, at `position` 1-based). */
  | { failure: 'not-base64url'; part: JwsPartNumber; character: string; position: number }
  /** A part's length cannot be base64url (a length of 4n + 1 characters), or jose refused it. */
  | { failure: 'bad-base64url-length'; part: JwsPartNumber; length: number }
  /** The decoded header or payload is not UTF-8 text. */
  | { failure: 'not-utf8'; part: 1 | 2 }
  /** The decoded header or payload is not JSON (`reason`: the parser's message). */
  | { failure: 'not-json'; part: 1 | 2; reason: string }
  /** The header or payload is JSON but not an object (`found`: array, string, number, ...). */
  | { failure: 'not-object'; part: 1 | 2; found: string };

/** A compact JWS decoded without verification: values are untrusted. */
export interface JwsParts {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The signature part as written (base64url). */
  signature: string;
}

const BASE64URL_CHARACTER = /[A-Za-z0-9_-]/;

function decodePart(
  value: string,
  part: JwsPartNumber,
): { ok: true; bytes: Uint8Array } | { ok: false; failure: JwsPartsFailure } {
  if (value.length === 0) return { ok: false, failure: { failure: 'empty-part', part } };
  for (let i = 0; i < value.length; i += 1) {
    const character = value.charAt(i);
    if (!BASE64URL_CHARACTER.test(character)) {
      return {
        ok: false,
        failure: { failure: 'not-base64url', part, character, position: i + 1 },
      };
    }
  }
  if (value.length % 4 === 1) {
    return { ok: false, failure: { failure: 'bad-base64url-length', part, length: value.length } };
  }
  try {
    return { ok: true, bytes: base64url.decode(value) };
  } catch {
    return { ok: false, failure: { failure: 'bad-base64url-length', part, length: value.length } };
  }
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string'
    ? 'a string'
    : typeof value === 'number'
      ? 'a number'
      : 'a boolean';
}

function parseObject(
  bytes: Uint8Array,
  part: 1 | 2,
): { ok: true; value: Record<string, unknown> } | { ok: false; failure: JwsPartsFailure } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, failure: { failure: 'not-utf8', part } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { failure: 'not-json', part, reason } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, failure: { failure: 'not-object', part, found: describeJsonType(value) } };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Decodes a compact JWS (`header.payload.signature`, RFC 7515 section 7.1) part by part with jose's
 * base64url (RFC 4648 section 5), without verifying it: the first failure names the part (1
 * header, 2 payload, 3 signature) and why. Never throws.
 */
export function decodeJwsParts(
  token: string,
): { ok: true; parts: JwsParts } | { ok: false; failure: JwsPartsFailure } {
  const pieces = token.split('.');
  if (pieces.length !== 3) {
    return { ok: false, failure: { failure: 'part-count', parts: pieces.length } };
  }
  const [headerText = '', payloadText = '', signature = ''] = pieces;
  const headerBytes = decodePart(headerText, 1);
  if (!headerBytes.ok) return headerBytes;
  const payloadBytes = decodePart(payloadText, 2);
  if (!payloadBytes.ok) return payloadBytes;
  const header = parseObject(headerBytes.bytes, 1);
  if (!header.ok) return header;
  const payload = parseObject(payloadBytes.bytes, 2);
  if (!payload.ok) return payload;
  if (signature.length > 0) {
    const signatureBytes = decodePart(signature, 3);
    if (!signatureBytes.ok) return signatureBytes;
  }
  return { ok: true, parts: { header: header.value, payload: payload.value, signature } };
}
