// The console of an instance with the fleet view on: switched to every instance, a
// request that crossed two instances shows as one timeline naming each event's instance.
// Arguments: the console's URL, a user and password, the correlation ID, a screenshot
// directory.
import { check, guardedPage, run } from './browser.mjs';

const [url, user, password, correlationId, screenshots] = process.argv.slice(2);
const origin = new URL(url).origin;

await run(async (browser) => {
	const context = await browser.newContext({ httpCredentials: { username: user, password, origin },
		viewport: { width: 1280, height: 800 } });
	const { page, guard } = await guardedPage(context, origin);
	await page.goto(url);
	await page.locator('#scope-switch').waitFor({ timeout: 10000 })
		.catch(() => check(false, 'the scope switch shows when the fleet view is on'));
	await page.locator('#scope').selectOption('fleet');
	await page.goto(url + '#request/' + correlationId);
	await page.locator('#timeline li').first().waitFor({ timeout: 10000 });
	const instances = await page.locator('#timeline .instance').allTextContents();
	check(instances.includes('fleet-service a') && instances.includes('fleet-service b'),
		'the drill-down names both instances: ' + instances);
	const expected = await page.evaluate(async (id) => {
		const base = location.pathname.replace(/\/console$/, '');
		const body = await (await fetch(base + '/recent?limit=1000&scope=fleet&service=*&correlation_id=' + id)).json();
		return body.count;
	}, correlationId);
	check(instances.length === expected, `the drill-down shows the request's ${expected} events (showed ${instances.length})`);
	await page.screenshot({ path: screenshots + '/console-fleet.png' });
	await page.locator('#scope').selectOption('local');
	await page.waitForFunction(() => document.querySelectorAll('#timeline .instance:not(:empty)').length === 0, null,
		{ timeout: 5000 }).catch(() => check(false, 'back in local scope the drill-down is the instance\'s own'));
	await guard.verify();
});
