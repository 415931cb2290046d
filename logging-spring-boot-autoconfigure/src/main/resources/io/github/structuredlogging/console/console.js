'use strict';

// The log console: views over the log API beside this page, one at a time, chosen by the
// address's fragment. Everything from the API is put on the page with textContent only:
// log lines carry user input.
(() => {
	const base = location.pathname.replace(/\/console\/?$/, '');
	const KEY_STORAGE = 'structured-logging.api-key';
	const $ = (id) => document.getElementById(id);
	const VIEWS = ['overview', 'tail', 'request', 'performance', 'errors', 'audit'];

	// ---- Calling the API ---------------------------------------------------------------

	// Thrown when the API wants a key the page does not have (or that it refused).
	class KeyNeeded extends Error {
	}

	const authorization = () => {
		const key = sessionStorage.getItem(KEY_STORAGE);
		return key ? { 'X-API-Key': key } : {};
	};

	const call = async (path, init = {}) => {
		const sent = authorization();
		const response = await fetch(base + path, { credentials: 'same-origin', ...init,
			headers: { Accept: 'application/json', ...sent, ...(init.headers || {}) } });
		if (response.status === 401 && (response.headers.get('WWW-Authenticate') || '').startsWith('ApiKey')) {
			askForKey(sent['X-API-Key'] ? 'That key was not accepted.' : '');
			throw new KeyNeeded();
		}
		return response;
	};

	// The body of an answer, or an error with the problem's detail.
	const read = async (path, { accept = [] } = {}) => {
		const response = await call(path);
		const body = await response.json().catch(() => ({}));
		if (!response.ok && !accept.includes(response.status)) {
			const error = new Error(body.detail || body.title || ('HTTP ' + response.status));
			error.status = response.status;
			throw error;
		}
		return body;
	};

	const askForKey = (message) => {
		if (!$('login').hidden && !message) {
			return;
		}
		sessionStorage.removeItem(KEY_STORAGE);
		stopTail();
		document.querySelector('main').hidden = true;
		$('login').hidden = false;
		$('login-message').textContent = message;
		$('connection').textContent = 'signed out';
		$('login-form').elements.key.focus();
	};

	// One call tries the key, so that a wrong one counts once against the address's limit.
	$('login-form').addEventListener('submit', async (submit) => {
		submit.preventDefault();
		const field = $('login-form').elements.key;
		sessionStorage.setItem(KEY_STORAGE, field.value);
		field.value = '';
		try {
			await read('/health', { accept: [503] });
		}
		catch (error) {
			if (!(error instanceof KeyNeeded)) {
				sessionStorage.removeItem(KEY_STORAGE);
				$('login-message').textContent = error.message;
			}
			return;
		}
		$('login').hidden = true;
		document.querySelector('main').hidden = false;
		start();
	});

	// ---- Scope -------------------------------------------------------------------------

	// With the fleet view on, the drill-down, performance and errors can read every
	// instance's events from the log cluster; the tail, overview and audit stay local.
	const SCOPE_STORAGE = 'structured-logging.scope';
	const fleet = () => !$('scope-switch').hidden && sessionStorage.getItem(SCOPE_STORAGE) === 'fleet';
	const scoped = (path, everyService) => (fleet() ? path + '&scope=fleet' + (everyService ? '&service=*' : '') : path);

	const offerScope = async () => {
		// 404 when the fleet view is off.
		$('scope-switch').hidden = !(await call('/fleet')).ok;
		$('scope').value = fleet() ? 'fleet' : 'local';
	};

	$('scope').addEventListener('change', (change) => {
		sessionStorage.setItem(SCOPE_STORAGE, change.target.value);
		show();
	});

	// ---- Reading events ----------------------------------------------------------------

	const field = (event, ...names) => {
		for (const name of names) {
			if (event[name] !== undefined && event[name] !== null) {
				return (typeof event[name] === 'object') ? JSON.stringify(event[name]) : String(event[name]);
			}
		}
		return '';
	};
	const time = (event) => field(event, '@timestamp');
	const level = (event) => field(event, 'level', 'log.level');
	const logger = (event) => field(event, 'logger_name', 'log.logger');
	const stream = (event) => field(event, 'log_stream', 'event.dataset');
	const correlationId = (event) => field(event, 'correlation_id', 'structured.correlation_id');
	const traceId = (event) => field(event, 'trace_id', 'trace.id');
	const clock = (timestamp) => String(timestamp || '').substring(11, 23);

	const element = (name, text, className) => {
		const made = document.createElement(name);
		if (text !== undefined) {
			made.textContent = text;
		}
		if (className) {
			made.className = className;
		}
		return made;
	};
	const cell = (text) => element('td', text);
	const row = (...cells) => {
		const tr = document.createElement('tr');
		tr.append(...cells.map((content) => (content instanceof Node) ? wrap(content) : cell(String(content))));
		return tr;
	};
	const wrap = (node) => {
		if (node.nodeName === 'TD') {
			return node;
		}
		const td = document.createElement('td');
		td.append(node);
		return td;
	};

	const requestLink = (id, kind = 'request') => {
		const link = element('a', id, 'request');
		link.href = '#' + kind + '/' + encodeURIComponent(id);
		return link;
	};

	const showProblem = (id, error) => {
		const problem = $(id);
		problem.hidden = !error;
		problem.textContent = error ? error.message : '';
	};

	// ---- Live tail ---------------------------------------------------------------------

	const rows = $('rows');
	const filters = $('filters');
	const pause = $('pause');
	const connection = $('connection');
	let tail = null;
	let paused = false;

	const keep = () => Math.max(10, Math.min(5000, Number(filters.elements.keep.value) || 500));

	const append = (event) => {
		const id = correlationId(event);
		const tr = row(clock(time(event)), level(event), logger(event), field(event, 'message'),
			id ? requestLink(id) : '');
		tr.className = 'level-' + level(event);
		tr.dataset.nav = '';
		if (id) {
			tr.dataset.request = id;
		}
		rows.prepend(tr);
		while (rows.children.length > keep()) {
			rows.lastElementChild.remove();
		}
	};

	const tailQuery = () => {
		const params = new URLSearchParams();
		for (const name of ['level', 'logger', 'stream']) {
			const value = filters.elements[name].value.trim();
			if (value) {
				params.set(name, value);
			}
		}
		const text = filters.elements.text.value.trim();
		if (text) {
			params.set('q', text);
		}
		const query = params.toString();
		return query ? '?' + query : '';
	};

	// Server-sent events read with fetch, which, unlike EventSource, can send the API key.
	const readEvents = async (body, onEvent) => {
		const reader = body.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		for (;;) {
			const { value, done } = await reader.read();
			if (done) {
				return;
			}
			buffer += value.replace(/\r\n?/g, '\n');
			let end;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.substring(0, end);
				buffer = buffer.substring(end + 2);
				let name = 'message';
				const data = [];
				for (const line of block.split('\n')) {
					const colon = line.indexOf(':');
					const key = (colon < 0) ? line : line.substring(0, colon);
					const content = (colon < 0) ? '' : line.substring(colon + 1).replace(/^ /, '');
					if (key === 'event') {
						name = content;
					}
					else if (key === 'data') {
						data.push(content);
					}
				}
				if (data.length > 0) {
					onEvent(name, data.join('\n'));
				}
			}
		}
	};

	const sleep = (millis) => new Promise((resolve) => { setTimeout(resolve, millis); });

	// Stays connected: after the server closes the stream, restarts or cannot be reached,
	// it tries again, waiting longer each time up to five seconds.
	const connect = async () => {
		stopTail();
		const mine = new AbortController();
		tail = mine;
		let wait = 250;
		while (!mine.signal.aborted) {
			try {
				const response = await call('/stream' + tailQuery(),
					{ signal: mine.signal, headers: { Accept: 'text/event-stream' } });
				if (response.ok) {
					connection.textContent = 'live';
					wait = 250;
					await readEvents(response.body, (name, data) => {
						if (name === 'log' && !paused) {
							append(JSON.parse(data));
						}
						else if (name === 'dropped') {
							connection.textContent = 'live (some events skipped)';
						}
					});
				}
			}
			catch (error) {
				if (error instanceof KeyNeeded || mine.signal.aborted) {
					return;
				}
			}
			if (!mine.signal.aborted) {
				connection.textContent = 'reconnecting…';
				await sleep(wait);
				wait = Math.min(wait * 2, 5000);
			}
		}
	};

	const stopTail = () => {
		if (tail) {
			tail.abort();
			tail = null;
		}
	};

	filters.addEventListener('submit', (submit) => {
		submit.preventDefault();
		rows.replaceChildren();
		connect();
	});
	const togglePause = () => {
		paused = !paused;
		pause.setAttribute('aria-pressed', String(paused));
		pause.textContent = paused ? 'Resume' : 'Pause';
	};
	pause.addEventListener('click', togglePause);

	// ---- Request drill-down ------------------------------------------------------------

	// Date keeps milliseconds only: the fraction, read apart, keeps microseconds apart.
	const millis = (timestamp) => {
		const seconds = Date.parse(timestamp.replace(/\.\d+/, ''));
		const fraction = /\.(\d+)/.exec(timestamp);
		return Number.isNaN(seconds) ? 0 : seconds + (fraction ? Number('0.' + fraction[1]) * 1000 : 0);
	};

	const showRequest = async (kind, id) => {
		$('request-kind').textContent = (kind === 'trace') ? 'Trace' : 'Request';
		$('request-id').textContent = id;
		const timeline = $('timeline');
		timeline.replaceChildren();
		$('request-summary').textContent = 'loading…';
		const parameter = (kind === 'trace') ? 'trace_id' : 'correlation_id';
		const body = await read(scoped('/recent?limit=1000&' + parameter + '=' + encodeURIComponent(id), true));
		const events = (body.events || []).slice().sort((a, b) => time(a).localeCompare(time(b)));
		const start = events.length ? millis(time(events[0])) : 0;
		const summary = [events.length + ' events'];
		const traces = new Set();
		for (const event of events) {
			const li = element('li', undefined, 'stream-' + stream(event) + ' level-' + level(event));
			li.dataset.nav = '';
			li.append(element('span', '+' + (millis(time(event)) - start).toFixed(1) + ' ms', 'offset'),
				element('span', stream(event), 'stream'), element('span', clock(time(event)), 'time'),
				element('span', level(event), 'level'),
				element('span', fleet() ? field(event, 'service_name', 'service.name') + ' '
					+ field(event, 'service_instance_id', 'service.node.name') : '', 'instance'),
				element('span', logger(event), 'logger'),
				element('span', field(event, 'message'), 'message'));
			if (stream(event) === 'performance') {
				summary.unshift([field(event, 'http_method', 'http.request.method'),
					field(event, 'http_route', 'structured.http_route'),
					field(event, 'http_status', 'http.response.status_code'),
					field(event, 'duration_ms', 'event.duration') + ' ms',
					'DB ' + (field(event, 'db_time_ms', 'structured.db_time_ms') || '0') + ' ms'].join(' · '));
			}
			if (stream(event) === 'audit') {
				li.append(element('span', field(event, 'audit_event', 'event.action') + ' '
					+ field(event, 'audit_outcome', 'structured.audit_outcome'), 'audit'));
			}
			if (field(event, 'stack_trace', 'error.stack_trace')) {
				li.append(element('pre', field(event, 'stack_trace', 'error.stack_trace')));
			}
			if (traceId(event)) {
				traces.add(traceId(event));
			}
			timeline.append(li);
		}
		const line = $('request-summary');
		line.textContent = summary.join(' · ');
		if (kind !== 'trace') {
			for (const trace of traces) {
				line.append(' · trace ', requestLink(trace, 'trace'));
			}
		}
	};

	// ---- Charts (plain SVG) ------------------------------------------------------------

	const SVG = 'http://www.w3.org/2000/svg';
	const svg = (name, attributes, text) => {
		const made = document.createElementNS(SVG, name);
		for (const [key, value] of Object.entries(attributes)) {
			made.setAttribute(key, String(value));
		}
		if (text !== undefined) {
			const title = document.createElementNS(SVG, 'title');
			title.textContent = text;
			made.append(title);
		}
		return made;
	};
	const label = (x, y, text) => {
		const made = svg('text', { x, y, class: 'label' });
		made.textContent = text;
		return made;
	};

	const WIDTH = 640;
	const HEIGHT = 220;
	const LEFT = 44;
	const BOTTOM = 24;

	// Axes, the top value and the first and last minute.
	const frame = (chart, minutes, top, x) => {
		chart.replaceChildren(svg('line', { x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH, y2: HEIGHT - BOTTOM, class: 'axis' }),
			svg('line', { x1: LEFT, y1: 10, x2: LEFT, y2: HEIGHT - BOTTOM, class: 'axis' }), label(2, 16, top));
		minutes.forEach((minute, i) => {
			if (i === 0 || i === minutes.length - 1) {
				chart.append(label(x(i) - 12, HEIGHT - 6, minute.minute.substring(11, 16)));
			}
		});
	};

	const xAxis = (count) => (i) => LEFT + ((count <= 1) ? (WIDTH - LEFT) / 2 : (i * (WIDTH - LEFT - 10)) / (count - 1));

	// p50, p95 and p99 of each minute, as lines with a point per minute.
	const drawLatency = (minutes) => {
		const chart = $('latency-chart');
		const max = Math.max(1, ...minutes.map((minute) => minute.p99_ms));
		const x = xAxis(minutes.length);
		const y = (ms) => HEIGHT - BOTTOM - (ms / max) * (HEIGHT - BOTTOM - 10);
		frame(chart, minutes, Math.round(max) + ' ms', x);
		for (const series of ['p50', 'p95', 'p99']) {
			const points = minutes.map((minute, i) => x(i) + ',' + y(minute[series + '_ms']));
			chart.append(svg('polyline', { points: points.join(' '), class: 'line ' + series }));
			minutes.forEach((minute, i) => {
				chart.append(svg('circle', { cx: x(i), cy: y(minute[series + '_ms']), r: 3, class: 'point ' + series,
					'data-count': minute.count }, minute.minute.substring(11, 16) + ' ' + series + ' '
					+ minute[series + '_ms'] + ' ms, ' + minute.count + ' requests'));
			});
		}
	};

	// Requests of each minute as a bar, its server errors in red at the bottom.
	const drawTraffic = (minutes) => {
		const chart = $('traffic-chart');
		const max = Math.max(1, ...minutes.map((minute) => minute.count));
		const x = xAxis(minutes.length);
		const scale = (count) => (count / max) * (HEIGHT - BOTTOM - 10);
		const bar = Math.max(2, Math.min(24, (WIDTH - LEFT) / Math.max(1, minutes.length) - 2));
		frame(chart, minutes, max + ' req', x);
		minutes.forEach((minute, i) => {
			const text = minute.minute.substring(11, 16) + ': ' + minute.count + ' requests, ' + minute.server_errors
				+ ' server errors';
			chart.append(svg('rect', { x: x(i) - bar / 2, y: HEIGHT - BOTTOM - scale(minute.count), width: bar,
				height: scale(minute.count), class: 'requests', 'data-count': minute.count }, text));
			if (minute.server_errors > 0) {
				chart.append(svg('rect', { x: x(i) - bar / 2, y: HEIGHT - BOTTOM - scale(minute.server_errors), width: bar,
					height: scale(minute.server_errors), class: 'server-errors' }, text));
			}
		});
	};

	const TIERS = ['fast', 'normal', 'slow', 'very_slow'];

	// One bar split by tier, as wide as the given width.
	const tierBar = (tiers, width, height) => {
		const total = TIERS.reduce((sum, tier) => sum + (tiers[tier] || 0), 0);
		const bar = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, class: 'tiers', role: 'img',
			'aria-label': TIERS.map((tier) => tier + ' ' + (tiers[tier] || 0)).join(', ') });
		let x = 0;
		for (const tier of TIERS) {
			const count = tiers[tier] || 0;
			if (count > 0) {
				const part = (count / total) * width;
				bar.append(svg('rect', { x, y: 0, width: part, height, class: 'tier ' + tier, 'data-count': count },
					tier + ': ' + count));
				x += part;
			}
		}
		return bar;
	};

	const drawTiers = (tiers) => {
		const chart = $('tier-chart');
		chart.replaceChildren(...tierBar(tiers, 640, 28).children);
		const legend = $('tier-legend');
		legend.replaceChildren(...TIERS.map((tier) => element('span', tier.replace('_', ' ') + ' ' + (tiers[tier] || 0),
			'tier-name ' + tier)));
	};

	// ---- Performance -------------------------------------------------------------------

	const showPerformance = async (route) => {
		const query = '/performance?window=1h&slowest=10' + (route ? '&route=' + encodeURIComponent(route) : '');
		const summary = await read(scoped(query, false));
		const all = summary.overall;
		$('performance-summary').textContent = (route ? route + ': ' : '') + all.count + ' requests · p50 '
			+ all.p50_ms + ' ms · p95 ' + all.p95_ms + ' ms · p99 ' + all.p99_ms + ' ms · '
			+ (all.error_rate * 100).toFixed(1) + '% server errors';
		const minutes = summary.minutes || [];
		drawLatency(minutes);
		drawTraffic(minutes);
		drawTiers(all.tiers || {});
		const select = $('route-select');
		select.replaceChildren(new Option('all routes', ''),
			...(summary.routes || []).map((each) => new Option(each.http_route, each.http_route)));
		select.value = route || '';
		const perMinute = Math.max(1, minutes.length);
		$('routes').replaceChildren(...(summary.routes || []).map((each) => {
			const link = element('a', each.http_route);
			link.href = '#performance/' + encodeURIComponent(each.http_route);
			const tr = row(link, (each.count / perMinute).toFixed(1), each.p50_ms, each.p95_ms, each.p99_ms,
				(each.error_rate * 100).toFixed(1) + '%', tierBar(each.tiers || {}, 100, 12));
			if (each.http_route === route) {
				tr.className = 'selected';
			}
			return tr;
		}));
		$('slowest').replaceChildren(...(summary.slowest || []).map((request) => {
			const li = element('li', request.duration_ms + ' ms ' + request.http_method + ' ' + request.http_path + ' '
				+ request.http_status + ' ');
			if (request.correlation_id) {
				li.append(requestLink(request.correlation_id));
			}
			return li;
		}));
	};

	$('route-select').addEventListener('change', (change) => {
		const route = change.target.value;
		location.hash = route ? '#performance/' + encodeURIComponent(route) : '#performance';
	});

	// ---- Errors ------------------------------------------------------------------------

	const BARS = ['\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587', '\u2588'];
	const sparkline = (counts) => {
		const max = Math.max(1, ...counts);
		return counts.map((count) => ((count === 0) ? '\u00b7' : BARS[Math.round((count / max) * (BARS.length - 1))]))
			.join('');
	};

	const showErrors = async () => {
		const report = await read(scoped('/errors?window=1h&limit=50', false));
		$('error-groups').replaceChildren(...(report.groups || []).map((group) => {
			const requests = document.createElement('td');
			for (const id of group.correlation_ids || []) {
				requests.append(requestLink(id), ' ');
			}
			const tr = row(group.count, sparkline(group.trend || []),
				group.error_type + (group.frame ? ' at ' + group.frame : ''), group.template,
				clock(group.first_seen) + ' – ' + clock(group.last_seen), requests);
			tr.className = 'level-' + group.level;
			tr.dataset.nav = '';
			const first = (group.correlation_ids || [])[0];
			if (first) {
				tr.dataset.request = first;
			}
			return tr;
		}));
	};

	// ---- Audit -------------------------------------------------------------------------

	const auditFilters = $('audit-filters');
	let auditCursor = null;

	const auditQuery = (cursor) => {
		const params = new URLSearchParams({ limit: '100' });
		for (const name of ['event', 'principal', 'outcome']) {
			const value = auditFilters.elements[name].value.trim();
			if (value) {
				params.set(name, value);
			}
		}
		if (cursor !== null) {
			params.set('cursor', String(cursor));
		}
		return '/audit?' + params;
	};

	const loadAudit = async (cursor) => {
		const page = await read(auditQuery(cursor));
		const body = $('audit-records');
		if (cursor === null) {
			body.replaceChildren();
		}
		for (const record of page.records || []) {
			const id = correlationId(record);
			const resource = [field(record, 'audit_resource_type'), field(record, 'audit_resource_id')]
				.filter(Boolean).join(' ');
			const tr = row(field(record, '@timestamp').replace('T', ' ').substring(0, 23),
				field(record, 'audit_sequence', 'event.sequence'), field(record, 'audit_event', 'event.action'),
				field(record, 'audit_outcome', 'structured.audit_outcome'), field(record, 'audit_principal', 'user.name'),
				[field(record, 'audit_action', 'structured.audit_action'), resource].filter(Boolean).join(' · '),
				field(record, 'audit_reason', 'event.reason'), id ? requestLink(id) : '');
			tr.className = 'outcome-' + field(record, 'audit_outcome', 'structured.audit_outcome');
			tr.dataset.nav = '';
			if (id) {
				tr.dataset.request = id;
			}
			body.append(tr);
		}
		auditCursor = (page.next_cursor === undefined) ? null : page.next_cursor;
		$('audit-older').hidden = auditCursor === null;
	};

	const verifyChain = async () => {
		const status = $('chain-status');
		status.textContent = 'Verifying the hash chain…';
		status.className = '';
		const verification = await read('/audit/verify');
		status.className = verification.valid ? 'chain-valid' : 'chain-broken';
		status.textContent = verification.valid
			? 'Hash chain intact: ' + verification.records + ' records verified.'
			: 'Hash chain broken at record ' + verification.broken_at + ': ' + verification.problem;
		$('chain-breaks').replaceChildren(...(verification.breaks || [])
			.map((found) => element('li', '#' + found.sequence + ' ' + found.kind + ': ' + found.problem)));
	};

	const showAudit = async () => {
		await Promise.all([verifyChain(), loadAudit(null)]);
	};

	auditFilters.addEventListener('submit', (submit) => {
		submit.preventDefault();
		loadAudit(null).catch((error) => showProblem('view-problem', error));
	});
	$('audit-older').addEventListener('click', () => {
		loadAudit(auditCursor).catch((error) => showProblem('view-problem', error));
	});

	// ---- Health at a glance ------------------------------------------------------------

	const optional = (promise) => promise.catch((error) => {
		if (error instanceof KeyNeeded) {
			throw error;
		}
		return null;
	});

	const glance = async () => {
		const [health, stats, alerts] = await Promise.all([read('/health', { accept: [503] }),
			optional(read('/stats?top=5')), optional(read('/alerts'))]);
		const parts = [health.status];
		if (stats) {
			parts.push((stats.events_per_second || {})['1m'] + ' events/s', (stats.errors_per_minute || {})['1m']
				+ ' errors/min', stats.dropped_events + ' dropped');
			const shippers = stats.shipping || [];
			if (shippers.length) {
				const failing = shippers.filter((shipper) => shipper.state !== 'shipping').length;
				parts.push(failing ? failing + ' of ' + shippers.length + ' shippers failing'
					: shippers.length + ' shippers ok');
			}
		}
		if (alerts) {
			parts.push((alerts.active || []).length + ' alerts firing');
		}
		const badge = $('glance');
		badge.textContent = parts.join(' · ');
		badge.className = 'status-' + health.status + ((alerts && (alerts.active || []).length) ? ' firing' : '');
		return { health, stats, alerts };
	};

	const showOverview = async () => {
		const { health, stats, alerts } = await glance();
		const status = $('health-status');
		status.textContent = health.status;
		status.className = 'badge status-' + health.status;
		$('health-checks').replaceChildren(...Object.entries(health.checks || {}).map(([name, check]) => {
			const details = Object.entries(check.details || {})
				.filter(([, value]) => typeof value !== 'object' || value === null)
				.map(([key, value]) => key + ' ' + value).join(', ');
			const tr = row(name, check.status, details);
			tr.className = 'status-' + check.status;
			return tr;
		}));
		const events = $('event-stats');
		if (stats) {
			const rate = (map) => ['1m', '5m', '15m'].map((window) => (map || {})[window]).join(' / ');
			events.replaceChildren(row('total', stats.events_total), row('events/s (1, 5, 15 min)', rate(stats.events_per_second)),
				row('errors/min (1, 5, 15 min)', rate(stats.errors_per_minute)),
				row('by level', Object.entries(stats.by_level || {}).map(([name, count]) => name + ' ' + count).join(', ')),
				row('dropped, truncated', stats.dropped_events + ', ' + stats.truncated_events),
				row('sampled out, suppressed', stats.sampled_events + ', ' + stats.suppressed_events),
				row('store', stats.store ? stats.store.size + ' of ' + stats.store.capacity : 'off'));
		}
		else {
			events.replaceChildren(row('statistics', 'not available'));
		}
		if (alerts) {
			const active = alerts.active || [];
			$('alert-summary').textContent = active.length + ' firing, ' + (alerts.rules || []).length + ' rules checked';
			$('alert-list').replaceChildren(...active.concat((alerts.recent || []).filter((alert) => alert.state !== 'firing'))
				.slice(0, 10).map((alert) => element('li', alert.severity + ' ' + alert.rule + ' ' + alert.state + ': '
					+ alert.summary, 'alert-' + alert.state)));
		}
		else {
			$('alert-summary').textContent = 'Alerts are not enabled (structured-logging.alerts.enabled).';
			$('alert-list').replaceChildren();
		}
		const shippers = (stats && stats.shipping) || [];
		$('shipper-summary').textContent = shippers.length ? '' : 'Nothing is shipped.';
		$('shippers').replaceChildren(...shippers.map((shipper) => {
			const tr = row(shipper.name, shipper.state, shipper.sent, shipper.failed, shipper.queued, shipper.lag_seconds,
				shipper.held_files, shipper.last_error || '');
			tr.className = 'state-' + shipper.state;
			return tr;
		}));
	};

	// ---- Views and keys ----------------------------------------------------------------

	const current = () => {
		const [name, ...rest] = location.hash.substring(1).split('/');
		return { name: VIEWS.includes(name) || name === 'trace' ? name : 'tail', argument: decodeURIComponent(rest.join('/')) };
	};

	const show = async () => {
		const { name, argument } = current();
		const view = (name === 'trace') ? 'request' : name;
		for (const each of VIEWS) {
			$(each).hidden = each !== view;
		}
		for (const link of document.querySelectorAll('header nav a')) {
			link.toggleAttribute('aria-current', link.id === 'nav-' + view);
		}
		showProblem('view-problem', null);
		try {
			if (view === 'overview') {
				await showOverview();
			}
			else if (view === 'request') {
				await showRequest(name, argument);
			}
			else if (view === 'performance') {
				await showPerformance(argument);
			}
			else if (view === 'errors') {
				await showErrors();
			}
			else if (view === 'audit') {
				await showAudit();
			}
		}
		catch (error) {
			if (!(error instanceof KeyNeeded)) {
				showProblem('view-problem', error);
			}
		}
	};

	// Esc goes back to where the drill-down was opened from, or to the tail.
	let moved = false;
	window.addEventListener('hashchange', () => {
		moved = true;
		show();
	});

	const navigable = () => {
		const view = VIEWS.find((each) => !$(each).hidden);
		return view ? [...$(view).querySelectorAll('[data-nav]')] : [];
	};

	const move = (step) => {
		const items = navigable();
		if (!items.length) {
			return;
		}
		const at = items.indexOf(document.activeElement);
		const next = items[(at < 0) ? 0 : Math.max(0, Math.min(items.length - 1, at + step))];
		items.forEach((item) => item.setAttribute('tabindex', '-1'));
		next.setAttribute('tabindex', '0');
		next.focus();
	};

	document.addEventListener('keydown', (key) => {
		if (key.ctrlKey || key.metaKey || key.altKey) {
			return;
		}
		const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName);
		if (typing) {
			if (key.key === 'Escape') {
				document.activeElement.blur();
			}
			return;
		}
		if (key.key === 'ArrowDown' || key.key === 'j') {
			move(1);
		}
		else if (key.key === 'ArrowUp' || key.key === 'k') {
			move(-1);
		}
		else if (key.key === 'Enter' && document.activeElement.dataset && document.activeElement.dataset.request) {
			location.hash = '#request/' + encodeURIComponent(document.activeElement.dataset.request);
		}
		else if (key.key === 'Escape' && (current().name === 'request' || current().name === 'trace')) {
			if (moved) {
				history.back();
			}
			else {
				location.hash = '#tail';
			}
		}
		else if (key.key === '/' && current().name === 'tail') {
			filters.elements.text.focus();
		}
		else if (key.key === 'p' && current().name === 'tail') {
			togglePause();
		}
		else {
			return;
		}
		key.preventDefault();
	});

	// ---- Start -------------------------------------------------------------------------

	const start = () => {
		connect();
		offerScope().catch(() => {}).finally(show);
		glance().catch(() => {});
	};

	setInterval(() => {
		if (!document.hidden && $('login').hidden) {
			glance().catch(() => {});
		}
	}, 15000);

	start();
})();
