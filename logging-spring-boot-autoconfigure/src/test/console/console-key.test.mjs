// The console of an application without Spring Security, whose log API asks for a key.
// Arguments: the console's URL, the key and a directory for screenshots.
import { ask, check, guardedPage, run } from './browser.mjs';

const [url, key, screenshots] = process.argv.slice(2);
const origin = new URL(url).origin;

await run(async (browser) => {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const { page, guard } = await guardedPage(context, origin);
	const response = await page.goto(url);
	check(response.status() === 200, 'the page itself, which holds no data, loads without the key');
	check(!(await response.text()).includes(key), 'the page does not hold the key');
	await page.locator('#login-form').waitFor({ timeout: 5000 })
		.catch(() => check(false, 'the page asks for the key'));
	check(await page.locator('main').isHidden(), 'nothing but the sign-in form shows without the key');
	await page.screenshot({ path: screenshots + '/console-key.png' });

	await page.locator('#login-form input[name=key]').fill(key + '-wrong');
	await page.locator('#login-form button').click();
	await page.waitForFunction(() => document.getElementById('login-message').textContent.includes('not accepted'),
		null, { timeout: 5000 }).catch(() => check(false, 'a wrong key is refused and the form says so'));
	check(await page.evaluate(() => sessionStorage.length) === 0, 'a refused key is not kept');

	await page.locator('#login-form input[name=key]').fill(key);
	await page.locator('#login-form button').click();
	await page.waitForFunction(() => document.getElementById('connection').textContent === 'live', null,
		{ timeout: 10000 }).catch(() => check(false, 'with the key the live tail connects'));
	check(await page.locator('#login').isHidden(), 'the form goes once the key is accepted');
	await ask('LOG');
	await page.locator('#rows tr', { hasText: 'Written once signed in' }).first().waitFor({ timeout: 2000 })
		.catch(() => check(false, 'a line logged after signing in reaches the tail within 2 s'));
	check(await page.evaluate(() => localStorage.length) === 0, 'nothing is kept in local storage');
	check((await context.cookies()).length === 0, 'no cookie holds the key');
	await page.locator('#nav-overview').click();
	await page.locator('#health-checks tr').first().waitFor({ timeout: 5000 })
		.catch(() => check(false, 'the overview loads with the key'));

	// Session storage is the tab's: a new tab asks again.
	const other = await context.newPage();
	await other.goto(url);
	await other.locator('#login-form').waitFor({ timeout: 5000 })
		.catch(() => check(false, 'a new tab asks for the key again'));

	await guard.verify();
});
