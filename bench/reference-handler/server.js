// bench/run's yardstick: the Stripe webhook handler a team would write in an afternoon, in Node.js.
//
//   POST /webhook   verify the Stripe-Signature with the official `stripe` package, then for
//                   checkout.session.completed: (1) a conditional put of the event id (attribute_not_exists: a
//                   redelivery stops here), (2) a conditional update of the payment item: pending -> completed,
//                   only if the amount and currency match what we charged. Other event types are acknowledged.
//   GET  /health    200 once listening
//
// Same DynamoDB endpoint, table and payment items as webhook-service (the bench seeds both sets the same way).
// Environment: PORT (8090), DYNAMODB_ENDPOINT, PAYMENTS_TABLE (payments), STRIPE_WEBHOOK_SECRET (the first of a
// comma-separated list), AWS_REGION (us-east-1).
'use strict';

const http = require('node:http');
const Stripe = require('stripe');
const {
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
  DeleteItemCommand,
} = require('@aws-sdk/client-dynamodb');

const port = Number(process.env.PORT || 8090);
const table = process.env.PAYMENTS_TABLE || 'payments';
const webhookSecret = (process.env.STRIPE_WEBHOOK_SECRET || '').split(',')[0];
if (!webhookSecret) {
  console.error('STRIPE_WEBHOOK_SECRET is required');
  process.exit(2);
}
// The key is never used (we only verify signatures, no API call); the package wants one.
const stripe = Stripe(process.env.STRIPE_SECRET_KEY || 'sk_test_reference_handler');
const dynamo = new DynamoDBClient({
  endpoint: process.env.DYNAMODB_ENDPOINT || 'http://localhost:8000',
  region: process.env.AWS_REGION || 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
// Ask DynamoDB what each write costs; the totals are served at GET /stats for the benchmark.
const stats = { events: 0, requests: 0, capacityUnits: 0 };

function count(output) {
  stats.requests += 1;
  if (output && output.ConsumedCapacity) stats.capacityUnits += output.ConsumedCapacity.CapacityUnits || 0;
}

async function send(command) {
  try {
    const out = await dynamo.send(command);
    count(out);
    return out;
  } catch (err) {
    count(null);
    throw err;
  }
}

async function completeCheckout(event) {
  const session = event.data.object;
  const paymentId = session.client_reference_id || (session.metadata && session.metadata.payment_intent_id);
  if (!paymentId) return 'no payment';
  const now = new Date().toISOString();

  // 1. Record the event id; a redelivered event fails the condition and changes nothing.
  try {
    await send(new PutItemCommand({
      TableName: table,
      Item: {
        pk: { S: `EVT#${event.id}` },
        sk: { S: 'EVENT' },
        entity: { S: 'stripe_event' },
        event_type: { S: event.type },
        payment_intent_id: { S: paymentId },
        received_at: { S: now },
        ttl_epoch: { N: String(Math.floor(Date.now() / 1000) + 30 * 86400) },
      },
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnConsumedCapacity: 'TOTAL',
    }));
  } catch (err) {
    if (err.name === 'ConditionalCheckFailedException') return 'duplicate';
    throw err;
  }

  // 2. Complete the payment, only from pending and only for the amount and currency we asked for.
  try {
    await send(new UpdateItemCommand({
      TableName: table,
      Key: { pk: { S: `PAY#${paymentId}` }, sk: { S: 'PAYMENT' } },
      UpdateExpression: 'SET payment_status = :completed, paid_at = :now, updated_at = :now, '
        + 'stripe_payment_intent = :pi, webhook_processed_at = :now',
      ConditionExpression: 'payment_status = :pending AND amount = :amount AND currency = :currency',
      ExpressionAttributeValues: {
        ':completed': { S: 'completed' },
        ':pending': { S: 'pending' },
        ':now': { S: now },
        ':pi': { S: String(session.payment_intent || '') },
        ':amount': { N: String(session.amount_total) },
        ':currency': { S: String(session.currency || '').toUpperCase() },
      },
      ReturnConsumedCapacity: 'TOTAL',
    }));
    return 'completed';
  } catch (err) {
    if (err.name === 'ConditionalCheckFailedException') {
      console.warn(`event ${event.id}: payment ${paymentId} not pending or amount/currency mismatch`);
      return 'not applied';
    }
    // Let Stripe retry: forget the event id so the redelivery is not taken for a duplicate.
    await send(new DeleteItemCommand({
      TableName: table,
      Key: { pk: { S: `EVT#${event.id}` }, sk: { S: 'EVENT' } },
      ReturnConsumedCapacity: 'TOTAL',
    })).catch(() => {});
    throw err;
  }
}

function reply(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return reply(res, 200, { status: 'UP' });
  if (req.method === 'GET' && req.url === '/stats') return reply(res, 200, stats);
  if (req.method !== 'POST' || req.url !== '/webhook') return reply(res, 404, { error: 'not found' });

  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let event;
    try {
      event = stripe.webhooks.constructEvent(Buffer.concat(chunks), req.headers['stripe-signature'], webhookSecret);
    } catch (err) {
      return reply(res, 400, { error: 'invalid signature' });
    }
    try {
      const outcome = event.type === 'checkout.session.completed' ? await completeCheckout(event) : 'ignored';
      stats.events += 1;
      reply(res, 200, { received: true, outcome });
    } catch (err) {
      console.error(`event ${event.id}: ${err.name}: ${err.message}`);
      reply(res, 500, { error: 'try again' });
    }
  });
});

server.keepAliveTimeout = 65000;
server.listen(port, '127.0.0.1', () => console.log(`reference handler listening on :${port} (table ${table})`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
