import type { ServerResponse } from 'node:http';
import { bodyFor } from './body-faults';
import type { Decision } from './dispatch';
import { errorReply, type JsonReply, PLATFORM_ROWS } from './reply';
import { type SigningContext, signatureHeaders, signPlanFor } from './response-signature';

const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

/** Faults that replace the answer with an error status (signed like any JSON answer). */
function statusFaultReply(decision: Decision): JsonReply | undefined {
  if (decision.fault === 'system_error') return errorReply(PLATFORM_ROWS.systemError);
  if (decision.fault === 'service_unavailable') return errorReply(PLATFORM_ROWS.serviceUnavailable);
  if (decision.fault === 'rate_limit') return errorReply(PLATFORM_ROWS.rateLimited);
  return undefined;
}

/**
 * Writes the decided answer: JSON bodies are signed (errors too, as WeChat Pay does; clients
 * need not verify them), with body and signature faults applied; a 502 comes from a "gateway"
 * as unsigned HTML. Returns the status sent.
 */
export function sendDecision(
  res: ServerResponse,
  decision: Decision,
  signing: Omit<SigningContext, 'mode'>,
): number {
  if (decision.fault === 'bad_gateway') {
    res.writeHead(502, {
      'Content-Type': 'text/html',
      'Content-Length': Buffer.byteLength(BAD_GATEWAY_HTML),
    });
    res.end(BAD_GATEWAY_HTML);
    return 502;
  }
  const replaced = statusFaultReply(decision);
  const reply = replaced ?? decision.reply;
  const fault = replaced ? undefined : decision.fault;
  const body = bodyFor(reply, fault);
  const headers = signatureHeaders(body, signPlanFor(fault), { ...signing, mode: decision.mode });
  res.writeHead(reply.status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body, 'utf8'),
  });
  res.end(body);
  return reply.status;
}
