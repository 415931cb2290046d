// Drives the log console in Debian's headless Chromium. Arguments: the console's URL, a
// user and password allowed to read it, and a directory for screenshots. Asks the JUnit
// side (a line on stdout, answered on stdin) to log lines once the page is open, and to
// restart the application; any failed check exits with status 1 and says why.
import { ask, check, guardedPage, run } from './browser.mjs';

const [url, user, password, screenshots] = process.argv.slice(2);
const origin = new URL(url).origin;

const recentCount = (page, parameter, id) => page.evaluate(async ([name, value]) => {
	const base = location.pathname.replace(/\/console$/, '');
	const body = await (await fetch(base + '/recent?limit=1000&' + name + '=' + encodeURIComponent(value))).json();
	return body.count;
}, [parameter, id]);

await run(async (browser) => {
	// Refused without credentials.
	const anonymous = await browser.newContext();
	const refused = await anonymous.newPage();
	const answer = refused.waitForResponse((response) => response.url() === url);
	await refused.goto(url).catch(() => {});
	check((await answer).status() === 401, 'the console answers 401 without credentials');
	await anonymous.close();

	const context = await browser.newContext({ httpCredentials: { username: user, password, origin },
		viewport: { width: 1280, height: 800 } });
	const { page, guard } = await guardedPage(context, origin);
	const response = await page.goto(url);
	check(response.status() === 200, 'the console answers 200 with credentials');
	check((response.headers()['content-security-policy'] || '').includes("script-src 'self'"),
		'the console is sent with a Content-Security-Policy');
	await page.waitForFunction(() => document.getElementById('connection').textContent === 'live', null,
		{ timeout: 10000 });
	await ask('READY');

	// Written after the page opened: in the tail within 2 s.
	const row = page.locator('#rows tr', { hasText: 'Loading order' });
	await row.first().waitFor({ timeout: 2000 }).catch(() => check(false, 'a new line reaches the live tail within 2 s'));
	const hostile = page.locator('#rows td', { hasText: 'Customer note: <script>alert(1)</script>' });
	await hostile.first().waitFor({ timeout: 2000 }).catch(() => check(false, 'a line with <script> is shown as text'));
	check(await page.locator('#rows script').count() === 0, 'no script element is made from a log line');
	await page.locator('#rows a.request', { hasText: 'fail-order' }).first().waitFor({ timeout: 5000 });
	await page.screenshot({ path: screenshots + '/console-tail.png' });

	// Clicking its correlation ID shows that request's events, and only those.
	const expected = await recentCount(page, 'correlation_id', 'console-77');
	await page.locator('#rows a.request', { hasText: 'console-77' }).first().click();
	await page.locator('#timeline li.stream-performance').waitFor({ timeout: 5000 });
	const shown = await page.locator('#timeline li').count();
	check(shown === expected && shown >= 2, `the drill-down shows the request's ${expected} events (showed ${shown})`);
	check((await page.locator('#request-summary').textContent()).includes('GET · /orders/{id} · 200'),
		'the drill-down sums up the performance line');
	const offsets = await page.locator('#timeline .offset').allTextContents();
	check(offsets[0] === '+0.0 ms' && offsets.every((offset) => /^\+\d+\.\d ms$/.test(offset)),
		'the timeline shows each event\'s offset from the first: ' + offsets);
	await page.screenshot({ path: screenshots + '/console-request.png' });

	// Keyboard: Esc back to the tail, down to the request's row, Enter into it, down the
	// timeline, Esc back.
	await page.keyboard.press('Escape');
	await page.locator('#tail').waitFor({ state: 'visible', timeout: 2000 })
		.catch(() => check(false, 'Esc goes back from the drill-down to the tail'));
	let focused = null;
	for (let i = 0; i < 100 && focused !== 'console-77'; i++) {
		await page.keyboard.press('ArrowDown');
		focused = await page.evaluate(() => document.activeElement.dataset.request || null);
	}
	check(focused === 'console-77', 'the arrow keys reach the request\'s row in the tail');
	await page.keyboard.press('Enter');
	await page.locator('#timeline li.stream-performance').waitFor({ timeout: 5000 })
		.catch(() => check(false, 'Enter opens the focused row\'s request'));
	check(page.url().endsWith('#request/console-77'), 'Enter opens the drill-down of the focused row: ' + page.url());
	await page.keyboard.press('j');
	await page.keyboard.press('j');
	check(await page.evaluate(() => document.activeElement === document.querySelectorAll('#timeline li')[1]),
		'j moves down the timeline');
	await page.keyboard.press('Escape');
	await page.locator('#tail').waitFor({ state: 'visible', timeout: 2000 })
		.catch(() => check(false, 'Esc goes back to the tail'));

	// The charts, with points and bars from the requests made; a route of its own.
	await page.locator('#nav-performance').click();
	await page.locator('#latency-chart circle.point').first().waitFor({ timeout: 5000 });
	const sum = (selector) => page.locator(selector).evaluateAll((marks) => marks
		.reduce((total, mark) => total + Number(mark.getAttribute('data-count')), 0));
	const requests = await sum('#latency-chart circle.point.p95');
	check(requests >= 7, 'the latency chart has points from the requests made (' + requests + ' requests)');
	check(await sum('#traffic-chart rect.requests') === requests, 'the request chart counts the same requests');
	check(await sum('#tier-chart rect.tier') === requests, 'the tier chart splits the same requests');
	check(await page.locator('#traffic-chart rect.server-errors').count() >= 1, 'the request chart shows server errors');
	const routes = await page.locator('#routes tr td:first-child').allTextContents();
	check(routes.includes('/orders/{id}') && routes.includes('/fail'), 'the route table lists the routes: ' + routes);
	await page.screenshot({ path: screenshots + '/console-performance.png', fullPage: true });
	await page.locator('#routes a').getByText('/fail', { exact: true }).click();
	await page.waitForFunction(() => document.getElementById('performance-summary').textContent.startsWith('/fail:'),
		null, { timeout: 5000 }).catch(() => check(false, 'a route link shows that route alone'));
	check(await sum('#traffic-chart rect.requests') === 5, 'the /fail route\'s chart counts its 5 requests');

	// The same exception from two places: two groups, 5 and 1.
	await page.locator('#nav-errors').click();
	await page.locator('#error-groups tr').first().waitFor({ timeout: 5000 });
	const groups = await page.locator('#error-groups tr').evaluateAll((rows) => rows
		.map((row) => [row.children[0].textContent, row.children[2].textContent])
		.filter(([, exception]) => exception.startsWith('java.lang.IllegalStateException')));
	check(JSON.stringify(groups.map(([count]) => count)) === '["5","1"]',
		'the errors show as two groups of 5 and 1: ' + JSON.stringify(groups));
	await page.screenshot({ path: screenshots + '/console-errors.png' });

	// The audit trail: the chain verified, the failed login listed, a filter.
	await page.locator('#nav-audit').click();
	await page.waitForFunction(() => document.getElementById('chain-status').className !== '', null, { timeout: 5000 });
	check((await page.locator('#chain-status').textContent()).startsWith('Hash chain intact'),
		'the audit view shows the chain intact: ' + await page.locator('#chain-status').textContent());
	await page.locator('#audit-records tr', { hasText: 'AUTHENTICATION_FAILURE' }).first().waitFor({ timeout: 5000 })
		.catch(() => check(false, 'the audit view lists the failed login'));
	await page.screenshot({ path: screenshots + '/console-audit.png' });
	await page.locator('#audit-filters input[name=event]').fill('AUTHENTICATION_FAILURE');
	await page.locator('#audit-filters button').click();
	await page.waitForFunction(() => [...document.querySelectorAll('#audit-records tr')]
		.every((row) => row.children[2].textContent === 'AUTHENTICATION_FAILURE'), null, { timeout: 5000 })
		.catch(() => check(false, 'the event filter leaves that event\'s records only'));

	// Health, statistics and alerts at a glance.
	await page.locator('#nav-overview').click();
	await page.locator('#health-checks tr').first().waitFor({ timeout: 5000 });
	const checks = await page.locator('#health-checks tr td:first-child').allTextContents();
	check(checks.includes('directory') && checks.includes('disk'), 'the overview lists the health checks: ' + checks);
	check(/^(UP|DEGRADED|DOWN) · /.test(await page.locator('#glance').textContent()),
		'the header sums up health and statistics: ' + await page.locator('#glance').textContent());
	check((await page.locator('#event-stats').textContent()).includes('total'), 'the overview shows the statistics');
	await page.screenshot({ path: screenshots + '/console-overview.png' });

	// Phone width: still usable.
	await page.setViewportSize({ width: 390, height: 800 });
	await page.locator('#nav-tail').click();
	check(await page.locator('#filters').isVisible(), 'the filters fit a phone-width window');
	check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
		'nothing is wider than a phone-width window');
	await page.setViewportSize({ width: 1280, height: 800 });

	// The server restarts: the tail says so, reconnects, and shows what is logged next.
	await page.evaluate(() => {
		window.__states = [];
		new MutationObserver(() => window.__states.push(document.getElementById('connection').textContent))
			.observe(document.getElementById('connection'), { childList: true, characterData: true, subtree: true });
	});
	await ask('RESTART');
	await page.waitForFunction(() => window.__states.includes('reconnecting…')
		&& document.getElementById('connection').textContent === 'live', null, { timeout: 30000 })
		.catch(() => check(false, 'the tail reconnects after the server restarts'));
	await ask('LOG-AFTER-RESTART');
	await page.locator('#rows tr', { hasText: 'Back after the restart' }).first().waitFor({ timeout: 2000 })
		.catch(() => check(false, 'a line logged after the restart reaches the tail within 2 s'));

	await guard.verify();
});
