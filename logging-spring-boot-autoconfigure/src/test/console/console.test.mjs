// Drives the log console in Debian's headless Chromium. Arguments: the console's URL, a
// user and password allowed to read it, and a directory for screenshots. Prints READY
// once the live tail is connected and waits for the lines the JUnit side then logs; any
// failed check exits with status 1 and says why.
import { chromium } from 'playwright-core';
import readline from 'node:readline';

const [url, user, password, screenshots] = process.argv.slice(2);
const origin = new URL(url).origin;
const failures = [];
const check = (ok, what) => { if (!ok) { failures.push(what); } };
const input = readline.createInterface({ input: process.stdin });
const lines = input[Symbol.asyncIterator]();

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/lib/chromium/chromium' });
try {
	// Refused without credentials.
	const anonymous = await browser.newContext();
	const refused = await anonymous.newPage();
	const answer = refused.waitForResponse((response) => response.url() === url);
	await refused.goto(url).catch(() => {});
	check((await answer).status() === 401, 'the console answers 401 without credentials');
	await anonymous.close();

	const context = await browser.newContext({ httpCredentials: { username: user, password, origin },
		viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const outside = [];
	await page.route('**/*', (route) => {
		if (new URL(route.request().url()).origin !== origin) {
			outside.push(route.request().url());
			return route.abort();
		}
		return route.continue();
	});
	let dialogs = 0;
	page.on('dialog', (dialog) => { dialogs++; dialog.dismiss(); });
	await page.addInitScript(() => {
		window.__violations = [];
		document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective));
	});
	const response = await page.goto(url);
	check(response.status() === 200, 'the console answers 200 with credentials');
	check((response.headers()['content-security-policy'] || '').includes("script-src 'self'"),
		'the console is sent with a Content-Security-Policy');
	await page.waitForFunction(() => document.getElementById('connection').textContent === 'live', null,
		{ timeout: 10000 });
	console.log('READY');
	await lines.next();

	// Written after the page opened: in the tail within 2 s.
	const row = page.locator('#rows tr', { hasText: 'Loading order' });
	await row.first().waitFor({ timeout: 2000 }).catch(() => check(false, 'a new line reaches the live tail within 2 s'));
	const hostile = page.locator('#rows td', { hasText: 'Customer note: <script>alert(1)</script>' });
	await hostile.first().waitFor({ timeout: 2000 }).catch(() => check(false, 'a line with <script> is shown as text'));
	check(await page.locator('#rows script').count() === 0, 'no script element is made from a log line');
	await page.screenshot({ path: screenshots + '/console-tail.png' });

	// Clicking its correlation ID shows that request's events, and only those.
	await page.locator('#rows button.request', { hasText: 'console-77' }).first().click();
	await page.locator('#timeline li.performance').waitFor({ timeout: 5000 });
	const shown = await page.locator('#timeline li').count();
	const expected = await page.evaluate(async (id) => {
		const base = location.pathname.replace(/\/console$/, '');
		const body = await (await fetch(base + '/recent?limit=1000&correlation_id=' + id)).json();
		return body.count;
	}, 'console-77');
	check(shown === expected && shown >= 2, `the drill-down shows the request's ${expected} events (showed ${shown})`);
	check((await page.locator('#request-summary').textContent()).includes('GET · /orders/{id} · 200'),
		'the drill-down sums up the performance line');
	await page.screenshot({ path: screenshots + '/console-request.png' });

	// The latency chart, with points from the requests made.
	await page.locator('#nav-performance').click();
	await page.locator('#latency-chart circle.point').first().waitFor({ timeout: 5000 });
	const requests = await page.locator('#latency-chart circle.point.p95').evaluateAll((points) => points
		.reduce((sum, point) => sum + Number(point.getAttribute('data-count')), 0));
	check(requests >= 7, 'the latency chart has points from the requests made (' + requests + ' requests)');
	const routes = await page.locator('#routes tr td:first-child').allTextContents();
	check(routes.includes('/orders/{id}') && routes.includes('/fail'), 'the route table lists the routes: ' + routes);
	await page.screenshot({ path: screenshots + '/console-performance.png' });

	// The same exception from two places: two groups, 5 and 1.
	await page.locator('#nav-errors').click();
	await page.locator('#error-groups tr').first().waitFor({ timeout: 5000 });
	const groups = await page.locator('#error-groups tr').evaluateAll((rows) => rows
		.map((row) => [row.children[0].textContent, row.children[2].textContent])
		.filter(([, exception]) => exception.startsWith('java.lang.IllegalStateException')));
	check(JSON.stringify(groups.map(([count]) => count)) === '["5","1"]',
		'the errors show as two groups of 5 and 1: ' + JSON.stringify(groups));
	await page.screenshot({ path: screenshots + '/console-errors.png' });

	// Phone width: still usable.
	await page.setViewportSize({ width: 390, height: 800 });
	check(await page.locator('#filters').isVisible(), 'the filters fit a phone-width window');

	check(dialogs === 0, 'no dialog opened');
	check(outside.length === 0, 'no request left the machine: ' + outside.join(', '));
	const violations = await page.evaluate(() => window.__violations);
	check(violations.length === 0, 'no Content-Security-Policy violation: ' + violations.join(', '));
}
catch (error) {
	failures.push(String(error));
}
finally {
	await browser.close();
	input.close();
}
if (failures.length > 0) {
	console.log('FAILED: ' + failures.join('; '));
	process.exit(1);
}
console.log('PASSED');
