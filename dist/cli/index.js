#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 809:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(286);
/** Entry point of the CLI bundle (dist/cli/index.js, the package's bin). */

process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), {
    env: process.env,
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    isTty: process.stdout.isTTY === true
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 286:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: EXIT

;// CONCATENATED MODULE: ./src/sanitize.ts
/**
 * Text from the server (channel names, profiles, error bodies) is attacker-controlled. These
 * helpers make it safe for the log, where a line starting with `::` or containing `##[` is a
 * workflow command, and for Markdown/HTML in the job summary.
 */
// C0/C1 controls, DEL, and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** One line, no control characters, no `##[` anywhere and no leading `::` (workflow command syntax). */
function sanitize_logSafe(text, maxLength = 300) {
    let safe = text.replace(CONTROL, ' ').replace(/##\[/g, '## [').replace(/^(\s*)::/, '$1: :');
    if (safe.length > maxLength)
        safe = `${safe.slice(0, maxLength)}…`;
    return safe;
}
/** What escapeMarkdown replaces: Markdown and HTML syntax, `:` and `@` (autolinks), and `www.`. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#!|~&"':@]|\bwww\./gi;
const REPLACEMENTS = {
    '<': '&lt;',
    '>': '&gt;',
    '&': '&amp;',
    '"': '&quot;',
    "'": '&#39;',
    '|': '&#124;',
    ':': '\\:<wbr>',
    '@': '@<wbr>'
};
/** Every character that logSafe or escapeMarkdown would change, and `www.`. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\`*_{}[\]()<>#!|~&"':@]|www\./i;
/**
 * Escapes text for a Markdown table cell or inline HTML: no markup, links, pipes or line breaks.
 * GitHub also turns bare `https://…`, `www.…` and `name@host` into links; an invisible `<wbr>`
 * after `:`, `www.` and `@` splits them so that server text can never become a link.
 */
function sanitize_markdownSafe(text, maxLength = 200) {
    // Most names and IDs hold nothing to escape: one test instead of a replacement pass.
    if (text.length <= maxLength && !NEEDS_ESCAPING.test(text))
        return text;
    return escapeMarkdown(text, maxLength);
}
/** markdownSafe without its shortcut (exported so a test can hold the two to the same result). */
function escapeMarkdown(text, maxLength = 200) {
    return sanitize_logSafe(text, maxLength).replace(MARKDOWN_SPECIAL, match => match.length > 1 ? `${match}<wbr>` : (REPLACEMENTS[match] ?? `\\${match}`));
}
/** The URL itself if it is an `https:` URL that is safe to put in an attribute, else null. */
function sanitize_safeHttpsUrl(value) {
    if (value === null)
        return null;
    try {
        const url = new URL(value);
        if (url.protocol !== 'https:' || url.username || url.password)
            return null;
        return url.href.replace(/"/g, '%22').replace(/'/g, '%27').replace(/</g, '%3C').replace(/>/g, '%3E');
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/entries.ts
/**
 * The entry grammar of the `integrations` input: `[alias=]selector`, one per line or
 * comma-separated. Pure: text in, typed entries (or named errors) out.
 */
const ALIAS = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PLATFORM = /^[a-z0-9][a-z0-9._-]*$/;
/**
 * Splits the input into entry texts: newlines or commas; blank lines and `#` lines are ignored,
 * and a `#` after white space starts a comment (so `x:acme  # our main account` works in YAML blocks).
 */
function splitEntryList(input) {
    const texts = [];
    for (const line of input.split(/\r?\n/)) {
        const trimmed = line.replace(/\s#.*$/, '').trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        for (const part of trimmed.split(',')) {
            const text = part.trim();
            if (text !== '')
                texts.push(text);
        }
    }
    return texts;
}
/** Normalises a profile handle for comparison: case-insensitive, one leading `@` ignored. */
function normaliseProfile(profile) {
    return profile.trim().replace(/^@/, '').toLowerCase();
}
function parseSelector(text) {
    const colon = text.indexOf(':');
    if (colon === -1) {
        if (/\s/.test(text))
            return 'an integration ID has no spaces';
        return { kind: 'id', id: text };
    }
    const platform = text.slice(0, colon).trim().toLowerCase();
    const profile = text.slice(colon + 1).trim();
    if (platform === '')
        return 'the platform before ":" is empty (write it as platform:profile, e.g. x:johndoe)';
    if (!PLATFORM.test(platform)) {
        return `"${platform}" is not a platform identifier (examples: x, linkedin, linkedin-page, bluesky)`;
    }
    if (profile === '*')
        return { kind: 'platform', platform };
    const normalised = normaliseProfile(profile);
    if (normalised === '')
        return `the profile after "${platform}:" is empty (write ${platform}:<profile> or ${platform}:*)`;
    return { kind: 'profile', platform, profile: normalised };
}
/** Parses the whole `integrations` input. Every problem is reported, each naming its entry. */
function parseEntries(input) {
    const errors = [];
    const entries = [];
    const seenText = new Set();
    const byKey = new Map();
    for (const text of splitEntryList(input)) {
        if (seenText.has(text))
            continue; // an entry repeated verbatim counts once
        seenText.add(text);
        let alias;
        let selectorText = text;
        const eq = text.indexOf('=');
        if (eq !== -1) {
            alias = text.slice(0, eq).trim();
            selectorText = text.slice(eq + 1).trim();
            if (!ALIAS.test(alias)) {
                errors.push(`integrations: entry "${text}": alias "${alias}" must start with a letter or "_" and contain only letters, digits, "_" or "-"`);
                continue;
            }
            if (selectorText === '') {
                errors.push(`integrations: entry "${text}": nothing after "=" (write ${alias}=<id> or ${alias}=<platform>:<profile>)`);
                continue;
            }
        }
        const selector = parseSelector(selectorText);
        if (typeof selector === 'string') {
            errors.push(`integrations: entry "${text}": ${selector}`);
            continue;
        }
        const entry = { key: alias ?? selectorText, text, selector };
        if (alias !== undefined)
            entry.alias = alias;
        const clash = byKey.get(entry.key);
        if (clash) {
            errors.push(alias !== undefined && clash.alias === alias
                ? `integrations: alias "${alias}" is used by two different entries ("${clash.text}" and "${text}"); give each its own alias`
                : `integrations: entries "${clash.text}" and "${text}" would both be named "${entry.key}" in the outputs; give one an alias`);
            continue;
        }
        byKey.set(entry.key, entry);
        entries.push(entry);
    }
    return { entries, errors };
}
/** The selector written back in canonical form, for messages. */
function describeSelector(selector) {
    switch (selector.kind) {
        case 'id':
            return `ID ${selector.id}`;
        case 'profile':
            return `${selector.platform}:${selector.profile}`;
        case 'platform':
            return `${selector.platform}:*`;
    }
}

;// CONCATENATED MODULE: ./src/integrations.ts
/**
 * The shape of `GET /public/v1/integrations` and its strict validation. Pure.
 * Unknown extra fields and unknown platform identifiers are accepted; missing or mistyped
 * required fields are an error naming the element, never a guess.
 */
class ResponseShapeError extends Error {
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function optionalString(element, field, where) {
    const value = element[field];
    if (value === undefined || value === null)
        return null;
    if (typeof value !== 'string')
        throw new ResponseShapeError(`${where()}: "${field}" is ${describe(value)}, expected a string or null`);
    return value;
}
function requiredString(element, field, where) {
    const value = element[field];
    if (typeof value !== 'string')
        throw new ResponseShapeError(`${where()}: "${field}" is ${value === undefined ? 'missing' : describe(value)}, expected a string`);
    return value;
}
function parseIntegration(element, index) {
    const where = () => `element ${index}`;
    if (!isRecord(element))
        throw new ResponseShapeError(`${where()} is ${describe(element)}, expected an object`);
    const id = requiredString(element, 'id', where);
    if (id === '')
        throw new ResponseShapeError(`${where()}: "id" is empty`);
    const at = () => `${where()} (id ${JSON.stringify(id).slice(0, 80)})`;
    const disabled = element.disabled;
    if (typeof disabled !== 'boolean') {
        throw new ResponseShapeError(`${at()}: "disabled" is ${disabled === undefined ? 'missing' : describe(disabled)}, expected true or false`);
    }
    let customer = null;
    const rawCustomer = element.customer;
    if (rawCustomer !== undefined && rawCustomer !== null) {
        if (!isRecord(rawCustomer))
            throw new ResponseShapeError(`${at()}: "customer" is ${describe(rawCustomer)}, expected an object`);
        const inCustomer = () => `${at()} customer`;
        customer = { id: requiredString(rawCustomer, 'id', inCustomer), name: optionalString(rawCustomer, 'name', inCustomer) ?? '' };
    }
    return {
        id,
        name: requiredString(element, 'name', at),
        identifier: requiredString(element, 'identifier', at),
        picture: optionalString(element, 'picture', at),
        disabled,
        profile: optionalString(element, 'profile', at),
        customer
    };
}
/** Validates a parsed JSON body and returns the integrations it holds. */
function parseIntegrations(body) {
    if (!Array.isArray(body)) {
        const hint = isRecord(body) && 'msg' in body ? ` (it says: ${JSON.stringify(body.msg).slice(0, 200)})` : '';
        throw new ResponseShapeError(`the response is ${describe(body)}, expected a JSON array of integrations${hint}`);
    }
    return body.map(parseIntegration);
}
/** Integrations of one customer, given by ID or exact name. */
function filterByCustomer(integrations, customer) {
    if (customer === undefined)
        return integrations;
    return integrations.filter(i => i.customer !== null && (i.customer.id === customer || i.customer.name === customer));
}

;// CONCATENATED MODULE: ./src/check.ts
/**
 * The check itself: integrations + entries → a report. Pure and linear in integrations + entries
 * (one pass over the integrations for the keys the entries ask for; no entry × integration scans).
 */


/** Other names people use for a platform, mapped to the Postiz identifier. */
const PLATFORM_ALIASES = new Map([
    ['twitter', 'x'],
    ['warpcast', 'wrapcast'],
    ['farcaster', 'wrapcast'],
    ['google', 'gmb'],
    ['dev.to', 'devto']
]);
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Short human description of a channel, for messages. */
function check_describeIntegration(i) {
    const profile = i.profile ? `, @${i.profile.replace(/^@/, '')}` : '';
    return `"${i.name}" (${i.identifier}${profile}, ID ${i.id})`;
}
/** The key under which a platform:profile selector and an integration meet. */
function profileKey(platform, normalisedProfile) {
    return `${platform}\n${normalisedProfile}`;
}
/**
 * Every integration each entry's selector matches, found in one pass over the integrations that
 * looks up only the keys the entries ask for (no index of 10,000 channels for 1,000 entries).
 * Lists are sorted by ID, for a deterministic choice among several matches.
 */
function findMatches(integrations, entries) {
    const withId = new Map();
    const byProfile = new Map();
    const byPlatform = new Map();
    const profilePlatforms = new Set();
    const listOf = (entry) => {
        const s = entry.selector;
        if (s.kind === 'id')
            return [withId, s.id];
        return s.kind === 'profile' ? [byProfile, profileKey(s.platform, s.profile)] : [byPlatform, s.platform];
    };
    for (const entry of entries) {
        const [map, key] = listOf(entry);
        if (!map.has(key))
            map.set(key, []);
        if (entry.selector.kind === 'profile')
            profilePlatforms.add(entry.selector.platform);
    }
    if (entries.length > 0) {
        for (const i of integrations) {
            const sameId = withId.get(i.id);
            if (sameId !== undefined && sameId.length === 0)
                sameId.push(i); // the first integration with this ID
            if (byPlatform.size === 0 && profilePlatforms.size === 0)
                continue;
            const platform = i.identifier.toLowerCase();
            byPlatform.get(platform)?.push(i);
            if (i.profile !== null && profilePlatforms.has(platform))
                byProfile.get(profileKey(platform, normaliseProfile(i.profile)))?.push(i);
        }
    }
    for (const map of [byProfile, byPlatform])
        for (const list of map.values())
            if (list.length > 1)
                list.sort(byId);
    return entry => {
        const [map, key] = listOf(entry);
        return map.get(key) ?? [];
    };
}
function buildIndexes(integrations) {
    const indexes = { byId: new Map(), byPlatform: new Map(), byPlatformProfile: new Map() };
    for (const i of integrations) {
        if (!indexes.byId.has(i.id))
            indexes.byId.set(i.id, i);
        const platform = i.identifier.toLowerCase();
        push(indexes.byPlatform, platform, i);
        if (i.profile !== null)
            push(indexes.byPlatformProfile, profileKey(platform, normaliseProfile(i.profile)), i);
    }
    return indexes;
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
function missingHint(entry, considered, everything, customer) {
    const s = entry.selector;
    if (customer !== undefined) {
        const all = everything();
        const elsewhere = s.kind === 'id'
            ? all.byId.get(s.id)
            : (s.kind === 'profile' ? all.byPlatformProfile.get(profileKey(s.platform, s.profile)) : all.byPlatform.get(s.platform))?.[0];
        if (elsewhere) {
            const owner = elsewhere.customer ? `customer "${elsewhere.customer.name}" (${elsewhere.customer.id})` : 'no customer';
            return ` It exists as ${check_describeIntegration(elsewhere)} but belongs to ${owner}, not to customer "${customer}".`;
        }
    }
    if (s.kind === 'id')
        return '';
    const sameP = considered().byPlatform.get(s.platform);
    if (sameP && s.kind === 'profile') {
        const profiles = sameP.slice(0, 5).map(i => (i.profile ? `${s.platform}:${i.profile.replace(/^@/, '')}` : `ID ${i.id}`));
        return ` Integrations on ${s.platform}: ${profiles.join(', ')}${sameP.length > 5 ? ', …' : ''}.`;
    }
    const alias = PLATFORM_ALIASES.get(s.platform);
    if (alias !== undefined && alias !== s.platform)
        return ` Postiz calls this platform "${alias}": write ${alias}:${s.kind === 'profile' ? s.profile : '*'}.`;
    return ` No ${s.platform} integration is connected${customer !== undefined ? ` for customer "${customer}"` : ''}.`;
}
function missingFix(entry) {
    switch (entry.selector.kind) {
        case 'id':
            return {
                fix: 'Connect the channel in Postiz, or if it was reconnected, update the ID or select it by platform:profile, which survives reconnects.',
                action: 'Reconnect it and update the ID, or select it by `platform:profile`.'
            };
        case 'profile':
            return {
                fix: 'Connect the channel in Postiz, or correct the entry (see the integrations this run listed).',
                action: 'Connect it in Postiz, or correct the profile.'
            };
        case 'platform':
            return { fix: `Connect a ${entry.selector.platform} channel in Postiz, or correct the platform identifier.`, action: `Connect a ${entry.selector.platform} channel in Postiz.` };
    }
}
/** Runs the check. `integrations` is everything the server returned. */
function runCheck(integrations, entries, customer) {
    const considered = filterByCustomer(integrations, customer);
    const matchesOf = findMatches(considered, entries);
    // Only a missing entry needs these (for its hint): built on first use, once.
    let consideredIndexes;
    let allIndexes;
    const indexes = () => (consideredIndexes ??= buildIndexes(considered));
    const everything = () => (allIndexes ??= buildIndexes(integrations));
    const results = [];
    const findings = [];
    const warnings = [];
    const integrationIds = [];
    const seenIds = new Set();
    const addId = (id) => {
        if (!seenIds.has(id)) {
            seenIds.add(id);
            integrationIds.push(id);
        }
    };
    for (const entry of entries) {
        const matches = matchesOf(entry);
        const enabled = matches.filter(i => !i.disabled);
        const state = matches.length === 0 ? 'missing' : enabled.length > 0 ? 'enabled' : 'disabled';
        const integration = enabled[0] ?? matches[0] ?? null;
        const enabledIds = entry.selector.kind === 'platform' ? enabled.map(i => i.id) : enabled.slice(0, 1).map(i => i.id);
        const idsValue = entry.selector.kind === 'platform' ? enabledIds : (integration?.id ?? null);
        results.push({ entry, state, integration, matches, idsValue, enabledIds });
        enabledIds.forEach(addId);
        if (entry.selector.kind === 'profile' && enabled.length > 1) {
            warnings.push(`${entry.key}: ${describeSelector(entry.selector)} matches ${enabled.length} enabled integrations; using ${enabled[0].id}, ` +
                `not ${enabled.slice(1).map(i => i.id).join(', ')}. Select one by ID${customer === undefined ? ' or set customer' : ''} to make this explicit.`);
        }
        if (state === 'missing') {
            const what = entry.selector.kind === 'id' ? `no integration has ID ${entry.selector.id}` : `no integration matches ${describeSelector(entry.selector)}`;
            findings.push({
                kind: 'missing',
                key: entry.key,
                message: `${entry.key}: ${what}${customer !== undefined ? ` among customer "${customer}"'s integrations` : ''}.${missingHint(entry, indexes, everything, customer)}`,
                ...missingFix(entry)
            });
        }
        else if (state === 'disabled') {
            const listed = matches.slice(0, 5).map(check_describeIntegration).join(', ') + (matches.length > 5 ? ', …' : '');
            const which = matches.length === 1 ? check_describeIntegration(matches[0]) : `all ${matches.length} matching integrations (${listed})`;
            findings.push({
                kind: 'disabled',
                key: entry.key,
                message: `${entry.key}: ${which} ${matches.length === 1 ? 'is' : 'are'} disabled in Postiz.`,
                fix: 'Enable it in Postiz (a plan downgrade or an expired trial disables channels too).',
                action: 'Enable it in Postiz.'
            });
        }
    }
    if (customer !== undefined && considered.length === 0) {
        const known = new Map(integrations.flatMap(i => (i.customer ? [[i.customer.id, i.customer.name]] : [])));
        const list = [...known].slice(0, 10).map(([id, name]) => `"${name}" (${id})`);
        warnings.push(`No integration belongs to customer "${customer}". ` +
            (list.length > 0 ? `Customers with integrations: ${list.join(', ')}${known.size > 10 ? ', …' : ''}.` : 'No integration is assigned to any customer.'));
    }
    const discovery = entries.length === 0;
    if (discovery)
        considered.forEach(i => !i.disabled && addId(i.id));
    const result = {
        status: findings.length > 0 ? 'fail' : 'pass',
        discovery,
        total: integrations.length,
        considered,
        results,
        findings,
        warnings,
        integrationIds
    };
    if (customer !== undefined)
        result.customer = customer;
    return result;
}

;// CONCATENATED MODULE: ./src/config.ts
/**
 * Raw inputs (strings, as the runner or the CLI hands them over) → a typed, validated config.
 * Pure: no I/O, no environment. Every problem is collected so the user sees them all at once.
 */

const FINDING_KINDS = ['missing', 'disabled', 'failing'];
/** The defaults declared in action.yml; an empty input means "use the default", as on GitHub. */
const DEFAULTS = {
    'api-key': '',
    'api-url': 'https://api.postiz.com',
    integrations: '',
    customer: '',
    'fail-on': 'missing,disabled',
    timeout: '30',
    retries: '3',
    'job-summary': 'true',
    'allow-insecure-http': 'false',
    'failed-posts-days': '0',
    'upcoming-posts-days': '0'
};
const MAX_TIMEOUT_SECONDS = 600;
const MAX_RETRIES = 10;
const MAX_POSTS_DAYS = 365;
/** Cleans the key as it will be sent; also tells whether a `Bearer ` prefix was removed. */
function cleanApiKey(raw) {
    const trimmed = raw.trim();
    const match = /^bearer\s+/i.exec(trimmed);
    if (!match)
        return { key: trimmed, hadBearer: false };
    return { key: trimmed.slice(match[0].length).trim(), hadBearer: true };
}
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
function isLoopbackHost(hostname) {
    return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
/** Normalises `api-url`: accepts a trailing `/` or `/public/v1`. Returns an error text if unusable. */
function normaliseApiUrl(raw, allowInsecureHttp) {
    const text = raw.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return { error: `api-url: "${text}" is not a URL; write it like https://api.postiz.com or https://postiz.example.com/api` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return { error: `api-url: "${text}" must start with https:// (or http:// for a server on this machine)` };
    }
    if (url.username || url.password) {
        return { error: 'api-url: remove the user name and password from the URL; the API key is the only credential Postiz needs' };
    }
    if (url.search || url.hash) {
        return { error: `api-url: "${text}" must not have a query string or fragment; give the backend's base URL only` };
    }
    if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
        return {
            error: `api-url: "${text}" uses plain http:// to a remote host, which would send the API key across the network unencrypted. ` +
                'Use https://, or set allow-insecure-http: true if the network path is trusted.'
        };
    }
    let path = url.pathname.replace(/\/+$/, '');
    path = path.replace(/\/public\/v1$/i, '');
    return `${url.protocol}//${url.host}${path}`;
}
function parseBoolean(name, value, errors) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    errors.push(`${name}: "${value}" is not a boolean; use true or false`);
    return false;
}
function parseFailOn(value, errors) {
    const words = value
        .split(/[\s,]+/)
        .map(w => w.trim().toLowerCase())
        .filter(w => w !== '');
    const kinds = new Set();
    let none = false;
    for (const word of words) {
        if (word === 'none')
            none = true;
        else if (FINDING_KINDS.includes(word))
            kinds.add(word);
        else
            errors.push(`fail-on: "${word}" is not a finding kind; use any of ${FINDING_KINDS.join(', ')}, or none`);
    }
    if (none && kinds.size > 0)
        errors.push('fail-on: "none" cannot be combined with other kinds');
    return kinds;
}
function parseNumber(name, value, min, max, integer, errors) {
    const n = Number(value);
    const shape = integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
    if (!shape.test(value) || !Number.isFinite(n) || n < min || n > max) {
        errors.push(`${name}: "${value}" must be ${integer ? 'a whole number' : 'a number of seconds'} from ${min} to ${max}`);
        return min;
    }
    return n;
}
/** Turns raw inputs into a Config, or every error found. Empty inputs take the action.yml default. */
function parseConfig(partial) {
    const raw = {};
    for (const name of Object.keys(DEFAULTS)) {
        const given = partial[name] ?? '';
        raw[name] = given.trim() === '' ? DEFAULTS[name] : name === 'api-key' ? given : given.trim();
    }
    const errors = [];
    const warnings = [];
    const { key, hadBearer } = cleanApiKey(raw['api-key']);
    if (key === '') {
        errors.push('api-key: empty. Pass your Postiz API key from a secret (api-key: ${{ secrets.POSTIZ_API_KEY }}); ' +
            'secrets are empty in workflows triggered from forks and in repositories where the secret is not defined.');
    }
    else if (hadBearer) {
        warnings.push('api-key: removed a "Bearer " prefix; Postiz expects the raw key in the Authorization header.');
    }
    const allowInsecureHttp = parseBoolean('allow-insecure-http', raw['allow-insecure-http'], errors);
    const apiUrl = normaliseApiUrl(raw['api-url'], allowInsecureHttp);
    if (typeof apiUrl !== 'string')
        errors.push(apiUrl.error);
    const parsed = parseEntries(raw.integrations);
    errors.push(...parsed.errors);
    const failOn = parseFailOn(raw['fail-on'], errors);
    const timeoutSeconds = parseNumber('timeout', raw.timeout, 1, MAX_TIMEOUT_SECONDS, false, errors);
    const retries = parseNumber('retries', raw.retries, 0, MAX_RETRIES, true, errors);
    const jobSummary = parseBoolean('job-summary', raw['job-summary'], errors);
    const failedPostsDays = parseNumber('failed-posts-days', raw['failed-posts-days'], 0, MAX_POSTS_DAYS, true, errors);
    const upcomingPostsDays = parseNumber('upcoming-posts-days', raw['upcoming-posts-days'], 0, MAX_POSTS_DAYS, true, errors);
    if (failOn.has('failing') && failedPostsDays === 0 && !errors.some(e => e.startsWith('failed-posts-days'))) {
        errors.push('fail-on: "failing" needs failed-posts-days above 0 (how many days to look back for failed posts)');
    }
    if (errors.length > 0 || typeof apiUrl !== 'string')
        return { ok: false, errors };
    const config = {
        apiKey: key,
        apiUrl,
        entries: parsed.entries,
        failOn,
        timeoutMs: Math.round(timeoutSeconds * 1000),
        retries,
        jobSummary,
        allowInsecureHttp,
        failedPostsDays,
        upcomingPostsDays
    };
    if (raw.customer !== '')
        config.customer = raw.customer;
    return { ok: true, config, warnings };
}

;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test. */
const NAME = 'postiz-integrations-check';
const VERSION = '1.0.0';
const USER_AGENT = `${NAME}/${VERSION} (+https://github.com/marketplace/actions/postiz-integrations-check)`;

;// CONCATENATED MODULE: ./src/report.ts

const REPORT_SCHEMA_VERSION = 1;
function report_runStatus(outcome) {
    if (outcome.error || (outcome.inputErrors?.length ?? 0) > 0 || !outcome.check)
        return 'error';
    return outcome.check.status;
}
function buildReport(outcome) {
    const { config, check } = outcome;
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool: { name: NAME, version: VERSION },
        status: report_runStatus(outcome),
        startedAt: outcome.startedAt.toISOString(),
        finishedAt: outcome.finishedAt.toISOString(),
        durationMs: outcome.finishedAt.getTime() - outcome.startedAt.getTime(),
        inputs: config
            ? {
                apiUrl: config.apiUrl,
                integrations: config.entries.map(e => ({ key: e.key, text: e.text, alias: e.alias ?? null, selector: e.selector })),
                customer: config.customer ?? null,
                failOn: [...config.failOn],
                timeoutSeconds: config.timeoutMs / 1000,
                retries: config.retries,
                jobSummary: config.jobSummary,
                allowInsecureHttp: config.allowInsecureHttp,
                failedPostsDays: config.failedPostsDays,
                upcomingPostsDays: config.upcomingPostsDays
            }
            : null,
        server: outcome.fetch ? { url: outcome.fetch.url, attempts: outcome.fetch.attempts, durationMs: outcome.fetch.durationMs } : null,
        posts: outcome.posts ?? null,
        error: outcome.error ?? null,
        inputErrors: outcome.inputErrors ?? [],
        warnings: [...outcome.warnings, ...(check?.warnings ?? [])],
        discovery: check?.discovery ?? false,
        counts: check
            ? {
                integrations: check.total,
                considered: check.considered.length,
                enabled: check.considered.filter(i => !i.disabled).length,
                entries: check.results.length,
                missing: check.findings.filter(f => f.kind === 'missing').length,
                disabled: check.findings.filter(f => f.kind === 'disabled').length,
                failing: check.findings.filter(f => f.kind === 'failing').length
            }
            : null,
        entries: (check?.results ?? []).map(r => ({
            key: r.entry.key,
            text: r.entry.text,
            state: r.state,
            integrationId: r.integration?.id ?? null,
            ids: r.idsValue,
            matches: r.matches.map(i => i.id),
            posts: r.posts ?? null
        })),
        findings: check?.findings ?? [],
        // parseIntegrations builds each one with exactly these fields, in this order: no copy needed.
        integrations: check?.considered ?? []
    };
}

;// CONCATENATED MODULE: ./src/summary.ts
/**
 * Human-readable renderings of a run: the job summary (Markdown) and the log lines. Pure.
 * Every string from the server passes through `markdownSafe` or `logSafe`. The summary stays
 * under GitHub's 1 MiB per step however large the organisation: long lists are cut with a line
 * pointing to the report file, which keeps everything.
 */




/** GitHub refuses a step summary over 1 MiB; this leaves room to spare. */
const SUMMARY_MAX_BYTES = 1_000_000;
/** At most this many rows in the list of other integrations (it is for browsing, not for search). */
const SUMMARY_LIST_LIMIT = 1000;
/** Bytes kept back from the entries table for the lines that follow it. */
const TAIL_RESERVE = 40_000;
const MAX_PICTURE_URL = 500;
const MARK = { enabled: '✅ enabled', disabled: '⛔ disabled', missing: '❌ missing' };
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** The one-line verdict with its counts, used by the summary, the log and the failure message. */
function headline(outcome) {
    const status = report_runStatus(outcome);
    const check = outcome.check;
    if (status === 'error' || !check)
        return 'Could not check the Postiz integrations';
    if (check.discovery)
        return `Discovery: listed ${plural(check.considered.length, 'Postiz integration')}, checked none`;
    const total = check.results.length;
    if (status === 'pass')
        return `Pass: ${total} of ${plural(total, 'Postiz integration')} ready`;
    const counts = FINDING_KINDS
        .map(kind => [kind, check.findings.filter(f => f.kind === kind).length])
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${n} ${kind}`);
    return `Fail: ${check.findings.length} of ${plural(total, 'Postiz integration')} need${check.findings.length === 1 ? 's' : ''} attention (${counts.join(', ')})`;
}
/** Lines within a byte budget. */
class Budget {
    left;
    constructor(left) {
        this.left = left;
    }
    take(line) {
        const size = Buffer.byteLength(line, 'utf8') + 1;
        if (size > this.left)
            return false;
        this.left -= size;
        return true;
    }
    reserve(bytes) {
        this.left -= bytes;
    }
    release(bytes) {
        this.left += bytes;
    }
}
function cell(text) {
    return text ? markdownSafe(text) : '';
}
function channelCell(i) {
    if (!i)
        return '—';
    const picture = i.picture !== null && i.picture.length <= MAX_PICTURE_URL ? safeHttpsUrl(i.picture) : null;
    const avatar = picture ? `<img src="${picture}" width="20" height="20" alt=""> ` : '';
    return `${avatar}${cell(i.name)}<br><code>${cell(i.id)}</code>`;
}
function postsCells(result, signals) {
    if (!signals)
        return '';
    const p = result.posts;
    const failed = signals.failedPostsDays > 0 ? ` ${p && p.failed > 0 ? `⚠️ ${p.failed}, latest ${p.latestFailed?.slice(0, 10)}` : '0'} |` : '';
    const queued = signals.upcomingPostsDays > 0 ? ` ${p && p.queued > 0 ? `${result.state === 'enabled' ? '' : '🚫 '}${p.queued}, next ${p.nextQueued?.slice(0, 10)}` : '0'} |` : '';
    return `${failed}${queued}`;
}
function entryRow(result, actions, signals) {
    const i = result.integration;
    const more = result.entry.selector.kind === 'platform' && result.enabledIds.length > 1 ? `<br>and ${result.enabledIds.length - 1} more` : '';
    // The actions are this project's own text (platform identifiers in them are validated), not escaped.
    const action = actions.get(result.entry.key) ?? '';
    const state = result.state === 'enabled' && result.posts && result.posts.failed > 0 && signals ? '⚠️ failing' : MARK[result.state];
    return `| <code>${cell(result.entry.text)}</code> | ${channelCell(i)}${more} | ${cell(i?.identifier)} | ${cell(i?.profile)} | ${cell(i?.customer?.name)} | ${state} |${postsCells(result, signals)} ${action} |`;
}
function entryHeader(signals) {
    const extra = [];
    if (signals && signals.failedPostsDays > 0)
        extra.push(`Failed posts (${signals.failedPostsDays} d)`);
    if (signals && signals.upcomingPostsDays > 0)
        extra.push(`Queued posts (${signals.upcomingPostsDays} d)`);
    const columns = ['Entry', 'Channel', 'Platform', 'Profile', 'Customer', 'State', ...extra, 'Fix'];
    return [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`];
}
function integrationRow(i) {
    const selector = i.profile ? `<code>${cell(`${i.identifier}:${i.profile.replace(/^@/, '')}`)}</code>` : '';
    return `| ${channelCell(i)} | ${cell(i.identifier)} | ${selector} | ${cell(i.customer?.name)} | ${i.disabled ? MARK.disabled : MARK.enabled} |`;
}
/** Appends a table: the header always, then rows while the budget and `limit` allow, then a "more" line. */
function pushTable(lines, header, items, row, budget, noun, limit = Infinity) {
    for (const line of header) {
        budget.take(line);
        lines.push(line);
    }
    let shown = 0;
    while (shown < items.length && shown < limit) {
        const line = row(items[shown]);
        if (!budget.take(line))
            break;
        lines.push(line);
        shown++;
    }
    if (shown < items.length)
        lines.push('', `…and ${items.length - shown} more ${noun} — see the report file (the \`report\` output).`);
}
const INTEGRATION_HEADER = (/* unused pure expression or super */ null && (['| Channel | Platform | Selector | Customer | State |', '|---|---|---|---|---|']));
function errorSection(outcome, lines) {
    if (outcome.inputErrors && outcome.inputErrors.length > 0) {
        lines.push('The inputs have problems; nothing was sent to Postiz.', '');
        for (const e of outcome.inputErrors.slice(0, 100))
            lines.push(`- ${markdownSafe(e, 600)}`);
    }
    else if (outcome.error) {
        lines.push(`**What happened:** ${markdownSafe(outcome.error.message, 1000)}`, '', `**How to fix it:** ${markdownSafe(outcome.error.fix, 1000)}`);
    }
}
function checkSection(outcome, check, lines, budget) {
    const scope = check.customer !== undefined ? ` of customer ${markdownSafe(check.customer)}` : '';
    lines.push(`Checked against ${plural(check.considered.length, 'integration')}${scope} (the server returned ${check.total}).`, '');
    if (check.discovery) {
        lines.push('Put IDs or `platform:profile` selectors from this list in the `integrations` input to gate on them.', '');
        pushTable(lines, INTEGRATION_HEADER, check.considered, integrationRow, budget, 'integrations', SUMMARY_LIST_LIMIT);
        return;
    }
    const actions = new Map();
    for (const f of check.findings)
        actions.set(f.key, actions.has(f.key) ? `${actions.get(f.key)} ${f.action}` : f.action);
    budget.reserve(TAIL_RESERVE);
    pushTable(lines, entryHeader(check.postSignals), check.results, r => entryRow(r, actions, check.postSignals), budget, 'entries');
    budget.release(TAIL_RESERVE);
    if (check.findings.some(f => f.kind === 'failing')) {
        lines.push('', '⚠️ **Failing posts** usually mean the channel must be reconnected in Postiz: its connection expired or was revoked, ' +
            'yet Postiz still lists it as enabled. Reconnect it, then retry or reschedule the failed posts.');
    }
    if (check.results.some(r => r.state !== 'enabled' && (r.posts?.queued ?? 0) > 0)) {
        lines.push('', '🚫 Queued posts on a disabled or missing channel will not go out until the channel is fixed.');
    }
    const warnings = [...outcome.warnings, ...check.warnings];
    if (warnings.length > 0) {
        lines.push('', '**Warnings**', '');
        for (const w of warnings.slice(0, 20))
            lines.push(`- ${markdownSafe(w, 600)}`);
        if (warnings.length > 20)
            lines.push(`- …and ${warnings.length - 20} more in the report file.`);
    }
    const used = new Set(check.results.flatMap(r => r.matches.map(i => i.id)));
    const others = check.considered.filter(i => !used.has(i.id));
    if (others.length > 0) {
        lines.push('', `<details><summary>The organisation's ${plural(others.length, 'other integration')}</summary>`, '');
        budget.reserve(200);
        pushTable(lines, INTEGRATION_HEADER, others, integrationRow, budget, 'integrations', SUMMARY_LIST_LIMIT);
        lines.push('', '</details>');
    }
}
/** The job summary in GitHub-flavoured Markdown. */
function buildSummary(outcome) {
    const status = runStatus(outcome);
    const icon = outcome.check?.discovery ? '🔎' : { pass: '✅', fail: '❌', error: '⚠️' }[status];
    const lines = [`## ${icon} ${headline(outcome)}`, ''];
    const budget = new Budget(SUMMARY_MAX_BYTES - 4000);
    if (status === 'error' || !outcome.check)
        errorSection(outcome, lines);
    else
        checkSection(outcome, outcome.check, lines, budget);
    return `${lines.join('\n')}\n`;
}
/** One log line per entry; every line starts with our own mark, never with server text. */
function entryLogLine(result) {
    const mark = result.state === 'enabled' ? '✓' : '✗';
    const i = result.integration;
    if (result.state === 'missing')
        return logSafe(`${mark} ${result.entry.key}: missing`, 400);
    if (result.entry.selector.kind === 'platform') {
        const enabled = result.enabledIds.length;
        return logSafe(`${mark} ${result.entry.key}: ${enabled} enabled of ${result.matches.length} (${result.matches.map(m => m.id).join(', ')})`, 400);
    }
    return logSafe(`${mark} ${result.entry.key}: ${result.state} → ${i ? describeIntegration(i) : ''}`, 400);
}

;// CONCATENATED MODULE: ./src/annotations.ts


const MAX_ANNOTATIONS_PER_LEVEL = 10;
const annotations_plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function failureMessage(outcome) {
    const inputErrors = outcome.inputErrors ?? [];
    if (inputErrors.length > 0)
        return `${annotations_plural(inputErrors.length, 'input error')}; nothing was checked.`;
    if (outcome.error)
        return `${outcome.error.message} ${outcome.error.fix}`;
    const { check, config } = outcome;
    if (!check || !config)
        return 'Nothing was checked.';
    const failing = check.findings.filter(f => config.failOn.has(f.kind));
    if (failing.length === 0)
        return undefined;
    const keys = failing.slice(0, 20).map(f => sanitize_logSafe(f.key, 100));
    return `${headline(outcome)}: ${keys.join(', ')}${failing.length > 20 ? ', …' : ''}.`;
}
function cap(list, room, overflow) {
    if (list.length <= room)
        return list;
    return [...list.slice(0, room - 1), overflow(list.length - room + 1)];
}
function planAnnotations(outcome) {
    const errors = [];
    const warnings = [];
    for (const message of outcome.inputErrors ?? [])
        errors.push({ level: 'error', title: 'Invalid input', message: sanitize_logSafe(message, 1000) });
    for (const message of outcome.warnings)
        warnings.push({ level: 'warning', title: 'Warning', message: sanitize_logSafe(message, 1000) });
    const { check, config } = outcome;
    if (check && config) {
        for (const finding of check.findings) {
            const annotation = {
                level: config.failOn.has(finding.kind) ? 'error' : 'warning',
                title: `Postiz integration ${finding.kind}: ${sanitize_logSafe(finding.key, 100)}`,
                message: sanitize_logSafe(`${finding.message} ${finding.fix}`, 1000)
            };
            (annotation.level === 'error' ? errors : warnings).push(annotation);
        }
        for (const message of check.warnings)
            warnings.push({ level: 'warning', title: 'Ambiguous selector', message: sanitize_logSafe(message, 1000) });
        if (check.discovery) {
            warnings.push({
                level: 'warning',
                title: 'Nothing was checked',
                message: `No integrations to check: the integrations input is empty, so this run only lists the ${annotations_plural(check.considered.length, 'integration')} ` +
                    'of the organisation (see the job summary). Set integrations to gate on them.'
            });
        }
    }
    let failure = failureMessage(outcome);
    // The failure message is itself an error annotation: the findings get the other nine places.
    const errorRoom = MAX_ANNOTATIONS_PER_LEVEL - (failure === undefined ? 0 : 1);
    if (errors.length > errorRoom && failure !== undefined) {
        const hidden = errors.length - errorRoom;
        failure = `${failure} ${hidden} more problem${hidden === 1 ? ' is' : 's are'} not annotated (GitHub shows 10 error annotations per step): see the job summary or the report file.`;
    }
    const shownErrors = errors.slice(0, errorRoom);
    const shownWarnings = cap(warnings, MAX_ANNOTATIONS_PER_LEVEL, hidden => ({
        level: 'warning',
        title: `${hidden} more warnings`,
        message: `${hidden} more warnings are not annotated (GitHub shows 10 warning annotations per step): see the job summary or the report file.`
    }));
    const plan = { annotations: [...shownErrors, ...shownWarnings] };
    if (failure !== undefined)
        plan.failure = failure;
    return plan;
}

;// CONCATENATED MODULE: ./src/cli-args.ts
/** Flags that take a value, mapped to the action input they set. */
const VALUE_FLAGS = {
    '--integrations': 'integrations',
    '--customer': 'customer',
    '--fail-on': 'fail-on',
    '--timeout': 'timeout',
    '--retries': 'retries',
    '--failed-posts-days': 'failed-posts-days',
    '--upcoming-posts-days': 'upcoming-posts-days'
};
const SWITCHES = ['--json', '--help', '--version', '--demo', '--allow-insecure-http'];
const SHORT = { '-h': '--help', '-v': '--version', '-V': '--version', '-i': '--integrations' };
const KNOWN = [...Object.keys(VALUE_FLAGS), ...SWITCHES];
const SECRET_FLAGS = /^--(api-?key|key|token|secret|password)$/;
const URL_FLAGS = /^--(api-?url|url|host|server|base-url)$/;
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
function unknownFlag(flag) {
    if (SECRET_FLAGS.test(flag)) {
        return `${flag} is not accepted: a key on the command line lands in shell history and process lists. Set it in the environment: export POSTIZ_API_KEY=…`;
    }
    if (URL_FLAGS.test(flag))
        return `${flag} is not a flag: set the backend in the environment, e.g. export POSTIZ_API_URL=https://postiz.example.com/api`;
    const best = KNOWN.map(known => [known, distance(flag, known)]).sort((a, b) => a[1] - b[1])[0];
    const hint = best[1] <= 3 ? ` Did you mean ${best[0]}?` : '';
    return `unknown option ${flag}.${hint} See --help.`;
}
function parseCliArgs(argv) {
    const options = { inputs: {}, json: false, help: false, version: false, demo: false };
    const integrations = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--')
            return { ok: false, error: 'unexpected "--": entries go in --integrations. See --help.' };
        if (!arg.startsWith('-')) {
            return { ok: false, error: `unexpected argument "${arg}": pass entries with --integrations "${arg}". See --help.` };
        }
        const eq = arg.indexOf('=');
        const flag = SHORT[arg] ?? (eq === -1 ? arg : arg.slice(0, eq));
        const inline = eq === -1 || SHORT[arg] ? undefined : arg.slice(eq + 1);
        if (SWITCHES.includes(flag)) {
            if (inline !== undefined)
                return { ok: false, error: `${flag} takes no value. See --help.` };
            if (flag === '--allow-insecure-http')
                options.inputs['allow-insecure-http'] = 'true';
            else
                options[flag.slice(2)] = true;
            continue;
        }
        if (flag in VALUE_FLAGS) {
            const value = inline ?? argv[i + 1];
            if (value === undefined || (inline === undefined && value.startsWith('--')))
                return { ok: false, error: `${flag} needs a value. See --help.` };
            if (inline === undefined)
                i++;
            const input = VALUE_FLAGS[flag];
            if (input === 'integrations')
                integrations.push(value);
            else
                options.inputs[input] = value;
            continue;
        }
        return { ok: false, error: unknownFlag(flag) };
    }
    if (integrations.length > 0)
        options.inputs.integrations = integrations.join('\n');
    return { ok: true, options };
}
/** Renames the action's input names in config errors to what a CLI user sets. */
function cliWording(message) {
    return message
        .replace(/^api-key: empty\..*$/, 'POSTIZ_API_KEY is not set. Export your Postiz API key (Settings → Public API): export POSTIZ_API_KEY=…')
        .replace(/^api-url:/, 'POSTIZ_API_URL:')
        .replace(/set allow-insecure-http: true/, 'pass --allow-insecure-http')
        .replace(/needs failed-posts-days above 0/, 'needs --failed-posts-days above 0')
        .replace(/^(integrations|customer|fail-on|timeout|retries|allow-insecure-http|failed-posts-days|upcoming-posts-days):/, '--$1:');
}
const USAGE = `Usage: postiz-integrations-check [options]

Checks that the Postiz channels (integrations) you rely on exist and are enabled.

Environment:
  POSTIZ_API_KEY          Postiz API key or pos_ OAuth token (required; never a flag)
  POSTIZ_API_URL          Postiz backend (default https://api.postiz.com; self-hosted:
                          https://postiz.example.com/api)
  HTTPS_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS are honoured. NO_COLOR turns colour off.

Options:
  -i, --integrations LIST  Entries to check, comma-separated or repeated: an ID,
                           platform:profile (x:acme) or platform:* , each optionally
                           alias=… . Without it, lists the organisation's channels.
  --customer ID_OR_NAME    Only consider one customer's channels
  --fail-on KINDS          missing,disabled (default), failing, or none
  --timeout SECONDS        Per HTTP attempt (default 30)
  --retries N              Extra attempts on network errors, 5xx and 429 (default 3)
  --failed-posts-days N    Look back N days for failed posts per channel (default 0, off)
  --upcoming-posts-days N  Look ahead N days for queued posts per channel (default 0, off)
  --allow-insecure-http    Allow http:// to a host other than this machine
  --json                   Print the report as JSON on stdout, nothing else
  --demo                   Check a sample organisation served on 127.0.0.1 (no account)
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 pass, 1 fail (per --fail-on), 2 could not check (bad input, auth,
network, bad response).

Example:
  export POSTIZ_API_KEY=…
  postiz-integrations-check --integrations x:acme,linkedin-page:acme-inc
`;

;// CONCATENATED MODULE: ./src/check-error.ts
/** An expected failure that makes the run `status=error`: a diagnosis and the fix, never a stack trace. */
class CheckError extends Error {
    fix;
    constructor(message, fix) {
        super(message);
        this.fix = fix;
        this.name = 'CheckError';
    }
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/proxy.ts
/**
 * Which proxy, if any, a request goes through: `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`
 * (upper or lower case), as self-hosted runners behind corporate proxies set them. Pure.
 */

/** A proxy variable that cannot be used; the message never echoes its value (it may hold credentials). */
class ProxyConfigError extends Error {
}
function envValue(env, name) {
    const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
    return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
function defaultPort(url) {
    return url.port || (url.protocol === 'https:' ? '443' : '80');
}
/** True when `NO_PROXY` (or loopback) says the URL is reached directly. */
function bypassesProxy(url, env) {
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (isLoopbackHost(host))
        return true;
    const noProxy = envValue(env, 'no_proxy');
    if (noProxy === undefined)
        return false;
    for (const raw of noProxy.split(/[\s,]+/)) {
        let rule = raw.trim().toLowerCase();
        if (rule === '')
            continue;
        if (rule === '*')
            return true;
        let port;
        const portMatch = /^(.*):(\d+)$/.exec(rule);
        if (portMatch && !rule.endsWith(']')) {
            rule = portMatch[1];
            port = portMatch[2];
        }
        if (port !== undefined && port !== defaultPort(url))
            continue;
        rule = rule.replace(/^\*/, '').replace(/^\./, '').replace(/^\[|\]$/g, '');
        if (host === rule || host.endsWith(`.${rule}`))
            return true;
    }
    return false;
}
/** The proxy URL for a request to `url`, or null for a direct connection. */
function proxyFor(url, env) {
    if (bypassesProxy(url, env))
        return null;
    const name = url.protocol === 'https:' ? 'https_proxy' : 'http_proxy';
    const value = envValue(env, name);
    if (value === undefined)
        return null;
    let proxy;
    try {
        proxy = new URL(value.includes('://') ? value : `http://${value}`);
    }
    catch {
        throw new ProxyConfigError(`${name.toUpperCase()} is set but is not a valid proxy URL (expected http://host:port)`);
    }
    if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
        throw new ProxyConfigError(`${name.toUpperCase()} uses ${proxy.protocol}//, but only http:// and https:// proxies are supported`);
    }
    return proxy;
}

;// CONCATENATED MODULE: ./src/http-transport.ts
/**
 * One HTTP GET attempt on Node's own http/https modules: a hard deadline for the whole attempt
 * (connect, headers and body), proxies via CONNECT, gzip/deflate/br decoding, a cap on the body
 * size (compressed and decompressed), and redirects never followed. No retries here: see postiz-client.ts.
 */




class TransportError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
    }
    /** Timeouts and network failures may pass; certificate, proxy set-up and size errors will not. */
    get retryable() {
        return this.code === 'timeout' || this.code === 'network';
    }
}
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL/;
/**
 * node:https and node:tls load on the first https: URL or proxy (as undici does), so a run
 * against an http:// server on this machine does not pay for them at start-up.
 */
let httpsModule;
const loadHttps = () => (httpsModule ??= Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)));
/** The request function for a URL's scheme (http ignores the TLS options). */
async function requestFor(url) {
    return url.protocol === 'https:' ? (await loadHttps()).request : external_node_http_namespaceObject.request;
}
function bareHost(hostname) {
    return hostname.replace(/^\[|\]$/g, '');
}
function portOf(url) {
    return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}
function proxyAuth(proxy) {
    if (!proxy.username && !proxy.password)
        return {};
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}
/** Opens a CONNECT tunnel through `proxy` to the target's host and port. */
async function openTunnel(proxy, target, signal) {
    const request = await requestFor(proxy);
    return new Promise((resolve, reject) => {
        const authority = `${target.hostname}:${portOf(target)}`;
        const req = request({
            host: bareHost(proxy.hostname),
            port: portOf(proxy),
            method: 'CONNECT',
            path: authority,
            headers: { host: authority, ...proxyAuth(proxy) },
            agent: false,
            signal
        });
        req.once('connect', (res, socket) => {
            if (res.statusCode === 200) {
                resolve(socket);
            }
            else {
                socket.destroy();
                reject(new TransportError(`the proxy ${proxy.host} refused the tunnel to ${authority} (HTTP ${res.statusCode})`, 'proxy'));
            }
        });
        req.once('error', reject);
        req.end();
    });
}
async function openRequest(url, options, signal) {
    const proxy = proxyFor(url, options.env ?? process.env);
    const path = `${url.pathname}${url.search}`;
    const base = { method: 'GET', headers: options.headers, agent: false, signal };
    if (proxy === null) {
        return (await requestFor(url))({
            ...base,
            host: bareHost(url.hostname),
            port: portOf(url),
            path,
            servername: external_node_net_namespaceObject.isIP(bareHost(url.hostname)) ? undefined : url.hostname
        });
    }
    if (url.protocol === 'http:') {
        // Plain HTTP through a proxy: the proxy gets the absolute URL.
        return external_node_http_namespaceObject.request({
            ...base,
            host: bareHost(proxy.hostname),
            port: portOf(proxy),
            path: url.href,
            headers: { ...options.headers, host: url.host, ...proxyAuth(proxy) }
        });
    }
    const tunnel = await openTunnel(proxy, url, signal);
    const servername = external_node_net_namespaceObject.isIP(bareHost(url.hostname)) ? undefined : url.hostname;
    const [tls, https] = await Promise.all([Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 692, 23)), loadHttps()]);
    const socket = tls.connect({ socket: tunnel, servername });
    // No agent at all (not agent: false, which makes a fresh Agent that would dial the host itself):
    // the request must use the TLS socket inside the tunnel.
    return https.request({ ...base, agent: undefined, host: bareHost(url.hostname), port: portOf(url), path, createConnection: () => socket });
}
function tooLarge(maxBytes) {
    return new TransportError(`the response is larger than ${Math.round(maxBytes / 1048576)} MiB, far more than a list of integrations`, 'too-large');
}
/**
 * Decompresses the whole body in one call, within the cap. One synchronous call costs a fraction
 * of a decompression stream's many small chunks, and the compressed body is already in memory.
 */
function decode(body, contentEncoding, maxBytes) {
    const encoding = (contentEncoding ?? '').trim().toLowerCase();
    const options = { maxOutputLength: maxBytes };
    try {
        switch (encoding) {
            case 'gzip':
            case 'x-gzip':
                return external_node_zlib_namespaceObject.gunzipSync(body, options);
            case 'deflate':
                return external_node_zlib_namespaceObject.inflateSync(body, options);
            case 'br':
                return external_node_zlib_namespaceObject.brotliDecompressSync(body, options);
            default:
                return body;
        }
    }
    catch (error) {
        if (error.code === 'ERR_BUFFER_TOO_LARGE')
            throw tooLarge(maxBytes);
        throw new TransportError(`the ${encoding} response body could not be decompressed (${error.message})`, 'network');
    }
}
async function readBody(res, maxBytes) {
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
        res.destroy();
        throw tooLarge(maxBytes);
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of res) {
        size += chunk.length;
        if (size > maxBytes) {
            res.destroy();
            throw tooLarge(maxBytes);
        }
        chunks.push(chunk);
    }
    return decode(Buffer.concat(chunks, size), res.headers['content-encoding'], maxBytes);
}
function describeNetworkError(error, url) {
    const code = error.code ?? '';
    if (TLS_CODES.test(code)) {
        return new TransportError(`TLS failed for ${url.host} (${code}: ${error.message}). If the server uses a private certificate authority, point NODE_EXTRA_CA_CERTS at its PEM file.`, 'tls');
    }
    const reasons = {
        ECONNREFUSED: 'the connection was refused',
        ECONNRESET: 'the connection was reset',
        ENOTFOUND: 'the host name does not resolve',
        EAI_AGAIN: 'the host name could not be resolved (DNS)',
        ETIMEDOUT: 'the connection timed out',
        EHOSTUNREACH: 'the host is unreachable',
        EPIPE: 'the connection was closed',
        ERR_STREAM_PREMATURE_CLOSE: 'the connection closed before the response was complete'
    };
    const reason = reasons[code] ?? (error.message || 'network error');
    return new TransportError(`${reason} (${url.host}${code ? `, ${code}` : ''})`, 'network');
}
/** Sends one GET. Resolves with any HTTP status (redirects included); rejects with TransportError. */
async function httpGet(url, options) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
        const req = await openRequest(url, options, controller.signal);
        const res = await new Promise((resolve, reject) => {
            req.once('response', resolve);
            req.once('error', reject);
            req.end();
        });
        const body = await readBody(res, options.maxBytes);
        return { status: res.statusCode ?? 0, headers: res.headers, body };
    }
    catch (error) {
        if (error instanceof TransportError)
            throw error;
        if (controller.signal.aborted) {
            throw new TransportError(`no complete answer within ${options.timeoutMs / 1000} s (the timeout input)`, 'timeout');
        }
        if (error instanceof ProxyConfigError)
            throw new TransportError(error.message, 'proxy');
        throw describeNetworkError(error, url);
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./src/posts.ts
/**
 * The shape of `GET /public/v1/posts` and its strict validation. Pure.
 * Unknown states and extra fields are accepted; what the signals need is required.
 */

function posts_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function parsePosts(body) {
    if (!posts_isRecord(body) || !Array.isArray(body.posts)) {
        throw new ResponseShapeError(`the response is ${Array.isArray(body) ? 'an array' : typeof body === 'object' ? 'an object without a "posts" array' : `a ${typeof body}`}`);
    }
    return body.posts.map((post, index) => {
        const where = `post ${index}`;
        if (!posts_isRecord(post))
            throw new ResponseShapeError(`${where} is not an object`);
        if (typeof post.id !== 'string')
            throw new ResponseShapeError(`${where}: "id" is not a string`);
        const publishAt = typeof post.publishDate === 'string' ? Date.parse(post.publishDate) : NaN;
        if (Number.isNaN(publishAt))
            throw new ResponseShapeError(`${where}: "publishDate" is not a date`);
        if (typeof post.state !== 'string')
            throw new ResponseShapeError(`${where}: "state" is not a string`);
        if (!posts_isRecord(post.integration) || typeof post.integration.id !== 'string')
            throw new ResponseShapeError(`${where}: "integration.id" is not a string`);
        return { id: post.id, publishAt, state: post.state, integrationId: post.integration.id };
    });
}

;// CONCATENATED MODULE: ./src/postiz-client.ts
/**
 * The Postiz public API client: `GET /public/v1/integrations` with retries, backoff, `Retry-After`,
 * and a precise diagnosis of every unusable answer (a CheckError with the fix).
 */






const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Longest `Retry-After` the client waits for; a longer one ends the run at once. */
const MAX_RETRY_AFTER_MS = 60_000;
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 16_000;
const defaultSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Exponential backoff with ±25 % jitter: about 1 s, 2 s, 4 s … capped. */
function backoffMs(retry, random = Math.random) {
    const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (retry - 1));
    return Math.round(base * (0.75 + random() * 0.5));
}
/** `Retry-After` in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function header(response, name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** The first bytes of a body, made safe for the log. */
function snippet(body) {
    const text = body.subarray(0, 300).toString('utf8').replace(/\s+/g, ' ').trim();
    return text === '' ? '(empty body)' : `"${sanitize_logSafe(text, 160)}"`;
}
function serverMessage(body) {
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null) {
            const record = parsed;
            const msg = record.msg ?? record.message;
            if (typeof msg === 'string' && msg.trim() !== '')
                return sanitize_logSafe(msg, 200);
        }
    }
    catch {
        // not JSON: no message
    }
    return undefined;
}
const KEY_SOURCE = 'The key comes from the api-key input (usually ${{ secrets.POSTIZ_API_KEY }}); create or copy it in Postiz under Settings → Public API.';
function authError(response, url) {
    const msg = serverMessage(response.body);
    const said = msg ? `: "${msg}"` : ' with an empty body';
    const fixes = {
        'Invalid API key': `The key is wrong or was rotated (rotating it in Postiz invalidates the old one at once). Update the secret. ${KEY_SOURCE}`,
        'No API Key found': `The request reached Postiz without a key. ${KEY_SOURCE}`,
        'Invalid OAuth token': 'The pos_ OAuth token is unknown or was revoked: issue a new one and update the secret.',
        'No subscription found': 'This Postiz Cloud organisation has no active subscription, so its public API is closed. Renew the subscription.'
    };
    const fix = (msg && fixes[msg]) ??
        (response.status === 403
            ? `Postiz refused the key. If this persists, check the key and the server's logs. ${KEY_SOURCE}`
            : `Check the key. ${KEY_SOURCE}`);
    return new CheckError(`Postiz rejected the API key (HTTP ${response.status}${said}) at ${url}.`, fix);
}
function looksLikeHtml(response) {
    const type = header(response, 'content-type') ?? '';
    return /html/i.test(type) || /^\s*</.test(response.body.subarray(0, 64).toString('utf8'));
}
const API_PATH_FIX = 'api-url must be the Postiz backend, not the web app: https://api.postiz.com for Postiz Cloud, ' +
    'https://<your-host>/api for the official Docker image (note the /api), or http://localhost:3000 when the backend runs from source.';
/** Turns a final (non-retried) response into parsed JSON, or a CheckError with the diagnosis. */
function interpret(response, url) {
    const { status } = response;
    if (status >= 300 && status < 400) {
        const location = header(response, 'location');
        return fail(`${url} answered HTTP ${status}, a redirect${location ? ` to ${sanitize_logSafe(location, 200)}` : ' without a Location'}; redirects are not followed so the API key is never sent anywhere else.`, location ? 'Set api-url to the address the server redirects to (its base, without /public/v1/…).' : API_PATH_FIX);
    }
    if (status === 401 || status === 403)
        throw authError(response, url);
    if (status === 404) {
        return fail(`${url} answered HTTP 404 (${looksLikeHtml(response) ? 'an HTML page' : 'body'} ${snippet(response.body)}): there is no Postiz public API at this address.`, `${API_PATH_FIX} A server started with MCP_ONLY has no public API at all.`);
    }
    if (status === 429) {
        return fail(`${url} answered HTTP 429: Postiz is rate limiting this organisation.`, rateLimitFix(response));
    }
    if (status >= 500) {
        return fail(`${url} answered HTTP ${status} (${snippet(response.body)}): the Postiz server failed.`, 'Retry later; if it persists, check the Postiz server (its logs, database and Redis).');
    }
    if (status === 400) {
        return fail(`${url} answered HTTP 400 (${snippet(response.body)}): the server rejected the request.`, `Check api-url. ${API_PATH_FIX}`);
    }
    if (status < 200 || status >= 300) {
        return fail(`${url} answered HTTP ${status} (${snippet(response.body)}).`, API_PATH_FIX);
    }
    if (looksLikeHtml(response)) {
        return fail(`${url} answered with an HTML page (${snippet(response.body)}), not JSON: this is a web page, not the Postiz API.`, API_PATH_FIX);
    }
    try {
        return JSON.parse(response.body.toString('utf8'));
    }
    catch (error) {
        return fail(`${url} answered HTTP ${status} with invalid JSON (${sanitize_logSafe(error.message, 120)}; it starts ${snippet(response.body)}).`, `Check that api-url points at a Postiz backend and that no proxy rewrites its answers. ${API_PATH_FIX}`);
    }
}
/** Validates a JSON body with `parse`; a shape error becomes a CheckError naming what was expected. */
function shaped(body, url, parse, expected, shape) {
    try {
        return parse(body);
    }
    catch (error) {
        if (!(error instanceof ResponseShapeError))
            throw error;
        return fail(`${url} answered with JSON that is not ${expected}: ${sanitize_logSafe(error.message, 300)}.`, `Check that api-url points at a Postiz backend (${shape}). ${API_PATH_FIX}`);
    }
}
function fail(message, fix) {
    throw new CheckError(message, fix);
}
function rateLimitFix(response) {
    const waitMs = parseRetryAfter(header(response, 'retry-after'));
    const when = waitMs === undefined ? 'later' : `after ${new Date(Date.now() + waitMs).toISOString()} (Retry-After: ${sanitize_logSafe(header(response, 'retry-after') ?? '', 40)})`;
    return (`Run again ${when}. Self-hosted Postiz from v1.11.1 to v1.65.1 limits every public route, this one included, ` +
        'to 30 requests per hour per organisation: run this check less often, or upgrade Postiz (v2.19.0 and later only limit creating posts).');
}
/** Why an attempt should be retried, or undefined when its outcome is final. */
function retryReason(outcome) {
    if (outcome instanceof TransportError)
        return outcome.retryable ? outcome.message : undefined;
    if (outcome.status >= 500)
        return `HTTP ${outcome.status}`;
    if (outcome.status === 429)
        return 'HTTP 429 (rate limited)';
    return undefined;
}
/** GET a public API path with retries, backoff and Retry-After; returns its parsed JSON. */
async function getJson(options, path, query = {}) {
    const target = new URL(`${options.apiUrl}${path}`);
    for (const [name, value] of Object.entries(query))
        target.searchParams.set(name, value);
    const url = target.href;
    const sleep = options.sleep ?? defaultSleep;
    const headers = {
        authorization: options.apiKey,
        accept: 'application/json',
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': USER_AGENT
    };
    const started = Date.now();
    const attemptsAllowed = options.retries + 1;
    for (let attempt = 1;; attempt++) {
        let outcome;
        try {
            outcome = await httpGet(target, { headers, timeoutMs: options.timeoutMs, maxBytes: MAX_BODY_BYTES, env: options.env });
        }
        catch (error) {
            if (!(error instanceof TransportError))
                throw error;
            outcome = error;
        }
        const reason = retryReason(outcome);
        if (reason === undefined || attempt >= attemptsAllowed) {
            if (outcome instanceof TransportError) {
                const tries = attempt > 1 ? ` after ${attempt} attempts` : '';
                throw new CheckError(`Could not reach Postiz at ${url}${tries}: ${outcome.message.replace(/\.$/, '')}.`, transportFix(outcome));
            }
            return { body: interpret(outcome, url), url, attempts: attempt, durationMs: Date.now() - started };
        }
        let waitMs = backoffMs(attempt, options.random);
        if (!(outcome instanceof TransportError) && outcome.status === 429) {
            const retryAfter = parseRetryAfter(header(outcome, 'retry-after'));
            if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
                throw new CheckError(`${url} answered HTTP 429: Postiz is rate limiting this organisation and asks to wait ${Math.ceil(retryAfter / 1000)} s, longer than this check waits.`, rateLimitFix(outcome));
            }
            if (retryAfter !== undefined)
                waitMs = retryAfter;
        }
        options.onRetry?.(`Attempt ${attempt} of ${attemptsAllowed} failed (${reason}); retrying in ${(waitMs / 1000).toFixed(1)} s.`);
        await sleep(waitMs);
    }
}
/** Fetches every integration of the organisation the key belongs to. */
async function fetchIntegrations(options) {
    const { body, url, attempts, durationMs } = await getJson(options, '/public/v1/integrations');
    const integrations = shaped(body, url, parseIntegrations, 'a list of Postiz integrations', 'GET /public/v1/integrations returns a JSON array');
    return { integrations, url, attempts, durationMs };
}
/** Fetches the posts whose publish date lies in the window. */
async function fetchPosts(options, window) {
    const query = { startDate: window.startDate.toISOString(), endDate: window.endDate.toISOString() };
    if (window.customer !== undefined)
        query.customer = window.customer;
    const { body, url, attempts, durationMs } = await getJson(options, '/public/v1/posts', query);
    const posts = shaped(body, url, parsePosts, 'a list of Postiz posts', 'GET /public/v1/posts returns {"posts": [...]}');
    return { posts, url, attempts, durationMs };
}
function transportFix(error) {
    switch (error.code) {
        case 'timeout':
            return 'Check that api-url is reachable from the runner; raise the timeout input if the server is slow.';
        case 'tls':
            return 'Fix the server certificate, or trust its CA with NODE_EXTRA_CA_CERTS.';
        case 'proxy':
            return 'Check HTTPS_PROXY / HTTP_PROXY / NO_PROXY on the runner.';
        case 'too-large':
            return 'Check that api-url points at a Postiz backend.';
        case 'network':
            return 'Check api-url (host and port) and that the runner can reach it; self-hosted servers must be reachable from GitHub-hosted runners, or use a self-hosted runner.';
    }
}

;// CONCATENATED MODULE: ./src/post-signals.ts
/**
 * What is at stake per entry: failed posts in the look-back window (a channel that needs
 * reconnecting looks enabled in GET /integrations, but its posts fail) and queued posts ahead
 * (those on a disabled or missing channel will not go out). Pure and linear in posts + entries.
 */

const DAY_MS = 86_400_000;
function signalsOn(options) {
    return options.failedPostsDays > 0 || options.upcomingPostsDays > 0;
}
/** The one window covering both signals: back `failedPostsDays`, ahead `upcomingPostsDays`. */
function postsWindow(options) {
    return { startDate: new Date(options.now - options.failedPostsDays * DAY_MS), endDate: new Date(options.now + options.upcomingPostsDays * DAY_MS) };
}
const day = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const post_signals_plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** The channels whose posts count for an entry: its enabled matches, else every match, else the ID it names. */
function channelIds(result) {
    const enabled = result.matches.filter(i => !i.disabled);
    if (enabled.length > 0)
        return enabled.map(i => i.id);
    if (result.matches.length > 0)
        return result.matches.map(i => i.id);
    return result.entry.selector.kind === 'id' ? [result.entry.selector.id] : [];
}
function countFor(ids, byChannel, options) {
    const counts = { failed: 0, latestFailed: null, queued: 0, nextQueued: null };
    let latest = -Infinity;
    let next = Infinity;
    const failedFrom = options.now - options.failedPostsDays * DAY_MS;
    const queuedUntil = options.now + options.upcomingPostsDays * DAY_MS;
    for (const id of new Set(ids)) {
        for (const post of byChannel.get(id) ?? []) {
            if (options.failedPostsDays > 0 && post.state === 'ERROR' && post.publishAt >= failedFrom && post.publishAt <= options.now) {
                counts.failed++;
                latest = Math.max(latest, post.publishAt);
            }
            else if (options.upcomingPostsDays > 0 && post.state === 'QUEUE' && post.publishAt >= options.now && post.publishAt <= queuedUntil) {
                counts.queued++;
                next = Math.min(next, post.publishAt);
            }
        }
    }
    if (counts.failed > 0)
        counts.latestFailed = day(latest);
    if (counts.queued > 0)
        counts.nextQueued = day(next);
    return counts;
}
/** Adds post counts to every entry, `failing` findings, and queued posts at risk to existing findings. */
function applyPostSignals(check, posts, options) {
    const byChannel = new Map();
    for (const post of posts) {
        const list = byChannel.get(post.integrationId);
        if (list)
            list.push(post);
        else
            byChannel.set(post.integrationId, [post]);
    }
    const findingsByKey = new Map();
    for (const f of check.findings)
        findingsByKey.set(f.key, [...(findingsByKey.get(f.key) ?? []), { ...f }]);
    const results = check.results.map(result => ({ ...result, posts: countFor(channelIds(result), byChannel, options) }));
    for (const result of results) {
        const counts = result.posts;
        const key = result.entry.key;
        const existing = findingsByKey.get(key) ?? [];
        if (result.state === 'enabled' && counts.failed > 0) {
            const which = result.integration && result.enabledIds.length === 1 ? check_describeIntegration(result.integration) : `its ${post_signals_plural(result.enabledIds.length, 'channel')}`;
            existing.push({
                kind: 'failing',
                key,
                message: `${key}: ${which} had ${post_signals_plural(counts.failed, 'failed post')} in the last ${post_signals_plural(options.failedPostsDays, 'day')} (latest ${counts.latestFailed}). ` +
                    'Postiz lists the channel as enabled, but failing posts usually mean its connection expired.',
                fix: 'Reconnect the channel in Postiz, then retry or reschedule the failed posts.',
                action: 'Reconnect it in Postiz; retry the failed posts.'
            });
        }
        else if (result.state !== 'enabled' && counts.queued > 0) {
            for (const f of existing) {
                f.message += ` ${post_signals_plural(counts.queued, 'queued post')} in the next ${post_signals_plural(options.upcomingPostsDays, 'day')} will not go out (the next at ${counts.nextQueued}).`;
            }
        }
        findingsByKey.set(key, existing);
    }
    const findings = results.flatMap(r => findingsByKey.get(r.entry.key) ?? []);
    return {
        ...check,
        results,
        findings,
        status: findings.length > 0 ? 'fail' : 'pass',
        postSignals: { failedPostsDays: options.failedPostsDays, upcomingPostsDays: options.upcomingPostsDays }
    };
}

;// CONCATENATED MODULE: ./src/engine.ts
/**
 * The engine shared by the action and the CLI: raw inputs → config → Postiz client → check,
 * gathered into a RunOutcome. Never throws: every failure is recorded in the outcome.
 */






const BUG_FIX = 'This is a bug in postiz-integrations-check: please report it with the log (in Actions, run with ACTIONS_STEP_DEBUG=true for details).';
function clientOptions(config, hooks) {
    return { apiUrl: config.apiUrl, apiKey: config.apiKey, timeoutMs: config.timeoutMs, retries: config.retries, onRetry: hooks.onRetry, env: hooks.env };
}
async function gather(raw, outcome, hooks, otherErrors) {
    const parsed = parseConfig(raw);
    if (!parsed.ok || otherErrors.length > 0) {
        outcome.inputErrors = [...(parsed.ok ? [] : parsed.errors), ...otherErrors];
        return;
    }
    const { config } = parsed;
    outcome.config = config;
    outcome.warnings.push(...parsed.warnings);
    hooks.onStart?.(config);
    const fetched = await fetchIntegrations(clientOptions(config, hooks));
    outcome.fetch = { url: fetched.url, attempts: fetched.attempts, durationMs: fetched.durationMs };
    hooks.onDebug?.(`Fetched ${fetched.integrations.length} integrations in ${fetched.durationMs} ms (${fetched.attempts} attempt(s))`);
    outcome.check = runCheck(fetched.integrations, config.entries, config.customer);
    if (signalsOn(config))
        await addPostSignals(config, outcome, outcome.check, hooks);
}
/** The customer's ID for the posts query, from the integrations (the input may give its name). */
function customerId(check) {
    if (check.customer === undefined)
        return undefined;
    const owner = check.considered.find(i => i.customer !== null)?.customer;
    return owner?.id;
}
/**
 * One more request for the failed and upcoming posts. If it fails, the verdict on the integrations
 * stands and the signal becomes a warning, unless `failing` is in fail-on: then the run is an error.
 */
async function addPostSignals(config, outcome, check, hooks) {
    const options = { failedPostsDays: config.failedPostsDays, upcomingPostsDays: config.upcomingPostsDays, now: Date.now() };
    const window = postsWindow(options);
    const customer = customerId(check);
    outcome.posts = { startDate: window.startDate.toISOString(), endDate: window.endDate.toISOString() };
    try {
        const fetched = await fetchPosts(clientOptions(config, hooks), { ...window, ...(customer !== undefined ? { customer } : {}) });
        Object.assign(outcome.posts, { url: fetched.url, attempts: fetched.attempts, durationMs: fetched.durationMs });
        hooks.onDebug?.(`Fetched ${fetched.posts.length} posts in ${fetched.durationMs} ms (${fetched.attempts} attempt(s))`);
        outcome.check = applyPostSignals(check, fetched.posts, options);
    }
    catch (error) {
        if (!(error instanceof CheckError))
            throw error;
        if (config.failOn.has('failing'))
            throw new CheckError(`Could not read the posts, which fail-on: failing needs: ${error.message}`, error.fix);
        outcome.posts.error = { message: error.message, fix: error.fix };
        outcome.warnings.push(`Could not read the posts, so failed and upcoming posts are not shown (the channels were checked): ${error.message} ${error.fix}`);
    }
}
/**
 * Checks the integrations described by `raw` and returns everything the run learnt.
 * `otherErrors` are the adapter's own input errors: reported with the others, and no request is sent.
 */
async function checkIntegrations(raw, hooks = {}, otherErrors = []) {
    const outcome = { startedAt: new Date(), finishedAt: new Date(), warnings: [] };
    try {
        await gather(raw, outcome, hooks, otherErrors);
    }
    catch (error) {
        if (error instanceof CheckError) {
            outcome.error = { message: error.message, fix: error.fix };
        }
        else {
            hooks.onDebug?.(error instanceof Error ? (error.stack ?? error.message) : String(error));
            outcome.error = { message: `Unexpected error: ${sanitize_logSafe(error instanceof Error ? error.message : String(error), 500)}.`, fix: BUG_FIX };
        }
    }
    outcome.finishedAt = new Date();
    return outcome;
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __nccwpck_require__(708);
;// CONCATENATED MODULE: ./src/postiz-stand-in.js
/**
 * A Postiz-compatible HTTP server for loopback use: tests, the CI workflow and demos.
 * It behaves like the Postiz backend's public API as ../shared/postiz/FACTS.md describes it:
 * raw key in `Authorization` (no `Bearer`), 401 bodies `{"msg": …}`, a bare JSON array from
 * GET /public/v1/integrations with `null` picture/profile and `customer` absent when unassigned,
 * gzip when accepted, an optional `/api` prefix (the official Docker image), and the web app's
 * HTML page outside the API.
 *
 * Plain JavaScript (typed with JSDoc) so that scripts and workflows can run it without a build.
 */




/**
 * @typedef {{ id: string, name: string, identifier: string, picture: string | null, disabled: boolean,
 *   profile: string | null, customer?: { id: string, name: string } }} StandInIntegration
 * @typedef {{ id: string, publishDate: string, state: 'QUEUE' | 'PUBLISHED' | 'ERROR' | 'DRAFT', content?: string,
 *   integration: { id: string, providerIdentifier: string, name: string, picture: string | null } }} StandInPost
 * @typedef {{ method: string, url: string, headers: import('node:http').IncomingHttpHeaders }} RecordedRequest
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, count: number) => boolean | Promise<boolean>} Fault
 * @typedef {{ integrations?: StandInIntegration[], posts?: StandInPost[], apiKey?: string, prefix?: string, fault?: Fault, host?: string,
 *   tls?: { key: string | Buffer, cert: string | Buffer } }} StandInOptions
 * @typedef {{ url: string, baseUrl: string, port: number, requests: RecordedRequest[],
 *   integrations: StandInIntegration[], close: () => Promise<void> }} StandIn
 */

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * Like the backend's class-validator @IsDateString(): present and ISO 8601, else a list of messages.
 * @param {URLSearchParams} query
 */
function dateErrors(query) {
  return ['startDate', 'endDate'].flatMap(name => {
    const value = query.get(name)
    return value !== null && ISO_8601.test(value) && !Number.isNaN(Date.parse(value)) ? [] : [`${name} must be a valid ISO 8601 date string`]
  })
}

const WEB_APP_PAGE = '<!DOCTYPE html><html><head><title>Postiz</title></head><body><div id="root"></div></body></html>'

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} value
 */
function sendJson(req, res, status, value) {
  const body = Buffer.from(JSON.stringify(value))
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {})
  })
  res.end(gzip ? (0,external_node_zlib_namespaceObject.gzipSync)(body) : body)
}

/**
 * Starts the stand-in on 127.0.0.1 (a free port).
 * @param {StandInOptions} [options]
 * @returns {Promise<StandIn>}
 */
async function startPostizStandIn(options = {}) {
  const apiKey = options.apiKey ?? 'test-api-key'
  const prefix = options.prefix ?? ''
  const integrations = options.integrations ?? []
  /** @type {RecordedRequest[]} */
  const requests = []

  /** @type {import('node:http').RequestListener} */
  const handler = async (req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    if (options.fault && (await options.fault(req, res, requests.length))) return
    const url = new URL(req.url ?? '/', 'http://stand-in')
    if (!url.pathname.startsWith(`${prefix}/public/v1/`)) {
      if (req.method === 'GET' && !url.pathname.startsWith(`${prefix}/`)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(WEB_APP_PAGE)
        return
      }
      sendJson(req, res, 404, { message: `Cannot ${req.method} ${url.pathname}`, error: 'Not Found', statusCode: 404 })
      return
    }
    const route = url.pathname.slice(`${prefix}/public/v1`.length)
    const auth = req.headers.authorization ?? ''
    if (auth === '') return sendJson(req, res, 401, { msg: 'No API Key found' })
    if (auth !== apiKey) return sendJson(req, res, 401, { msg: auth.startsWith('pos_') ? 'Invalid OAuth token' : 'Invalid API key' })
    if (req.method === 'GET' && route === '/integrations') return sendJson(req, res, 200, integrations)
    if (req.method === 'GET' && route === '/posts') {
      const errors = dateErrors(url.searchParams)
      if (errors.length > 0) return sendJson(req, res, 400, { statusCode: 400, message: errors, error: 'Bad Request' })
      const start = Date.parse(url.searchParams.get('startDate') ?? '')
      const end = Date.parse(url.searchParams.get('endDate') ?? '')
      const customer = url.searchParams.get('customer')
      const owners = new Map(integrations.map(i => [i.id, i.customer?.id]))
      const posts = (options.posts ?? []).filter(p => {
        const at = Date.parse(p.publishDate)
        return at >= start && at <= end && (customer === null || owners.get(p.integration.id) === customer)
      })
      return sendJson(req, res, 200, { posts })
    }
    if (req.method === 'GET' && route === '/is-connected') return sendJson(req, res, 200, { connected: true })
    if (req.method === 'GET' && route === '/groups') {
      const customers = new Map(integrations.filter(i => i.customer).map(i => [i.customer?.id, i.customer]))
      return sendJson(req, res, 200, [...customers.values()])
    }
    sendJson(req, res, 404, { message: `Cannot ${req.method} ${url.pathname}`, error: 'Not Found', statusCode: 404 })
  }
  const server = options.tls ? (0,external_node_https_.createServer)(options.tls, handler) : (0,external_node_http_namespaceObject.createServer)(handler)

  await new Promise(resolve => server.listen(0, options.host ?? '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  return {
    url,
    baseUrl: `${url}${prefix}`,
    port,
    requests,
    integrations,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve(undefined))
      })
  }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/report-file.ts
/** Serialises the run report and writes it as a JSON file (readable only by the runner's user). */




/**
 * The report as JSON text: one top-level field per line and one array element per line (one
 * integration, entry or finding each). As readable as indented JSON for people, as easy for jq and
 * grep, and as fast to produce as compact JSON, which matters at 10,000 integrations.
 */
function reportJson(report) {
    const fields = [];
    for (const [key, value] of Object.entries(report)) {
        if (value === undefined)
            continue;
        const name = JSON.stringify(key);
        if (Array.isArray(value) && value.length > 0) {
            fields.push(`  ${name}: [\n${value.map(element => `    ${JSON.stringify(element) ?? 'null'}`).join(',\n')}\n  ]`);
        }
        else {
            fields.push(`  ${name}: ${JSON.stringify(value)}`);
        }
    }
    return `{\n${fields.join(',\n')}\n}\n`;
}
function writeReportFile(report, dir = process.env.RUNNER_TEMP || tmpdir()) {
    const path = join(dir, `postiz-integrations-check-${Date.now()}-${randomBytes(4).toString('hex')}.json`);
    writeFileSync(path, reportJson(report), { mode: 0o600 });
    return path;
}

;// CONCATENATED MODULE: ./src/sample-organisation.js
/**
 * A sample Postiz organisation in the backend's exact shape: a few platforms, one disabled
 * channel, one assigned to a customer (`customer` is absent on the others, as on the server).
 * Plain JavaScript so scripts can load it without a build; see postiz-stand-in.js.
 */

/** @type {import('./postiz-stand-in.js').StandInIntegration[]} */
const SAMPLE_INTEGRATIONS = [
  { id: 'cm4ean69r0003w8w1cdomox9n', name: 'Acme on X', identifier: 'x', picture: 'https://example.com/acme-x.png', disabled: false, profile: 'acme' },
  { id: 'cm4eaq2lf0007w8w1y9c3rj2k', name: 'Acme Inc.', identifier: 'linkedin-page', picture: null, disabled: false, profile: 'acme-inc' },
  { id: 'cm4eas8kx000bw8w1f1hq0s7d', name: 'acme.bsky.social', identifier: 'bluesky', picture: null, disabled: false, profile: 'acme.bsky.social' },
  { id: 'cm4eb0v3m000fw8w1n6t2k9xa', name: 'Acme Mastodon (old)', identifier: 'mastodon', picture: null, disabled: true, profile: 'acme@mastodon.social' },
  {
    id: 'cm4eb4z1q000jw8w1p3v8d2ce',
    name: 'Globex on Instagram',
    identifier: 'instagram-standalone',
    picture: null,
    disabled: false,
    profile: 'globex',
    customer: { id: 'cm4eb7c2a000lw8w1h5k0e3bf', name: 'Globex' }
  }
]

const LARGE_PLATFORMS = (/* unused pure expression or super */ null && (['x', 'linkedin', 'linkedin-page', 'bluesky', 'mastodon', 'threads', 'instagram', 'youtube']))

/**
 * A large organisation for scale tests and the benchmark, the same on every call: unique IDs,
 * non-ASCII names, every 97th channel disabled, every 5th assigned to one of 7 customers.
 * @param {number} count
 * @returns {import('./postiz-stand-in.js').StandInIntegration[]}
 */
function largeOrganisation(count) {
  return Array.from({ length: count }, (_, n) => ({
    id: `cm${n.toString(36).padStart(6, '0')}scale${'x'.repeat(10)}`,
    name: `Channel ${n} — ${'Ünïcødé '.repeat(n % 4)}`,
    identifier: LARGE_PLATFORMS[n % LARGE_PLATFORMS.length],
    picture: n % 3 ? `https://cdn.example/avatars/${n}.png` : null,
    disabled: n % 97 === 0,
    profile: `handle_${n}`,
    ...(n % 5 === 0 ? { customer: { id: `cust${n % 7}`, name: `Customer ${n % 7}` } } : {})
  }))
}

/**
 * `count` entries that all resolve to enabled channels of `org`, spread over it: every other one by
 * ID, the rest by platform:profile.
 * @param {import('./postiz-stand-in.js').StandInIntegration[]} org
 * @param {number} count
 * @returns {string[]}
 */
function passingEntries(org, count) {
  const enabled = org.filter(i => !i.disabled)
  const step = Math.max(1, Math.floor(enabled.length / count))
  return Array.from({ length: Math.min(count, enabled.length) }, (_, n) => enabled[n * step]).map((i, n) =>
    n % 2 ? i.id : `${i.identifier}:${i.profile}`
  )
}

;// CONCATENATED MODULE: ./src/terminal-report.ts
/**
 * The CLI's human output: a table and a verdict line, coloured only when asked. Pure.
 * Server text passes through `logSafe`, which also strips terminal escape sequences' ESC.
 */




const CELL_MAX = 40;
function palette(colour) {
    const code = (open, close) => text => colour ? `\u001b[${open}m${text}\u001b[${close}m` : text;
    return { green: code(32, 39), red: code(31, 39), yellow: code(33, 39), dim: code(2, 22), bold: code(1, 22) };
}
function clip(text) {
    const safe = sanitize_logSafe(text, 400);
    return safe.length > CELL_MAX ? `${safe.slice(0, CELL_MAX - 1)}…` : safe;
}
/** Left-aligned columns; `paint` colours a whole cell after padding so widths stay right. */
function table(header, rows, p) {
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map(r => r.cells[c].length)));
    const line = (cells, paints) => cells
        .map((cell, c) => {
        const padded = c === cells.length - 1 ? cell : cell.padEnd(widths[c]);
        return paints?.[c] ? paints[c](padded) : padded;
    })
        .join('  ')
        .trimEnd();
    return [p.bold(line(header)), ...rows.map(r => line(r.cells, r.paint))];
}
function integrationRows(list, p) {
    return list.map(i => ({
        cells: [i.disabled ? 'disabled' : 'enabled', clip(i.identifier), i.profile ? clip(`${i.identifier}:${i.profile.replace(/^@/, '')}`) : '—', clip(i.name), clip(i.customer?.name ?? ''), sanitize_logSafe(i.id, 100)],
        paint: [i.disabled ? p.yellow : p.green]
    }));
}
function renderTerminalReport(outcome, colour) {
    const p = palette(colour);
    const status = report_runStatus(outcome);
    const lines = [];
    const check = outcome.check;
    for (const warning of [...outcome.warnings, ...(check?.warnings ?? [])])
        lines.push(p.yellow(`warning: ${sanitize_logSafe(cliWording(warning), 600)}`));
    if (status === 'error' || !check) {
        lines.push(p.red(`✗ ${headline(outcome)}`));
        for (const error of outcome.inputErrors ?? [])
            lines.push(`  - ${sanitize_logSafe(cliWording(error), 600)}`);
        if (outcome.error)
            lines.push(`  ${sanitize_logSafe(outcome.error.message, 1000)}`, `  Fix: ${sanitize_logSafe(outcome.error.fix, 1000)}`);
        return `${lines.join('\n')}\n`;
    }
    if (check.discovery) {
        lines.push(...table(['STATE', 'PLATFORM', 'SELECTOR', 'NAME', 'CUSTOMER', 'ID'], integrationRows(check.considered, p), p), '');
        lines.push(p.bold(`${headline(outcome)}. Pass entries with --integrations to check them.`));
        return `${lines.join('\n')}\n`;
    }
    const mark = { enabled: '✓ enabled', disabled: '✗ disabled', missing: '✗ missing' };
    const paint = { enabled: p.green, disabled: p.yellow, missing: p.red };
    const signals = check.postSignals;
    const postColumns = [...(signals && signals.failedPostsDays > 0 ? ['FAILED'] : []), ...(signals && signals.upcomingPostsDays > 0 ? ['QUEUED'] : [])];
    const rows = check.results.map(r => {
        const i = r.integration;
        const more = r.entry.selector.kind === 'platform' && r.enabledIds.length > 1 ? ` (+${r.enabledIds.length - 1})` : '';
        const failing = r.state === 'enabled' && (r.posts?.failed ?? 0) > 0;
        const posts = [
            ...(signals && signals.failedPostsDays > 0 ? [String(r.posts?.failed ?? 0)] : []),
            ...(signals && signals.upcomingPostsDays > 0 ? [String(r.posts?.queued ?? 0)] : [])
        ];
        return {
            cells: [failing ? '✗ failing' : mark[r.state], clip(r.entry.text), i ? `${clip(i.name)}${more}` : '—', clip(i?.identifier ?? ''), clip(i?.profile ?? ''), ...posts, i ? sanitize_logSafe(i.id, 100) : ''],
            paint: [failing ? p.red : paint[r.state]]
        };
    });
    lines.push(...table(['STATE', 'ENTRY', 'CHANNEL', 'PLATFORM', 'PROFILE', ...postColumns, 'ID'], rows, p));
    if (check.findings.length > 0) {
        lines.push('');
        for (const f of check.findings) {
            const failing = outcome.config?.failOn.has(f.kind) ?? true;
            lines.push(`${failing ? p.red('✗') : p.yellow('!')} ${sanitize_logSafe(f.message, 1000)}`, `  Fix: ${sanitize_logSafe(f.fix, 600)}`);
        }
    }
    lines.push('', status === 'pass' ? p.green(`✓ ${headline(outcome)}`) : p.red(`✗ ${headline(outcome)}`));
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The CLI adapter (dist/cli/index.js): environment and flags → the shared engine → a table or JSON.
 * Exit codes: 0 pass, 1 fail (per --fail-on), 2 could not check.
 */










const EXIT = { pass: 0, fail: 1, error: 2 };
function exitCode(outcome) {
    const status = report_runStatus(outcome);
    if (status === 'error')
        return EXIT.error;
    return planAnnotations(outcome).failure === undefined ? EXIT.pass : EXIT.fail;
}
async function check(options, io, apiUrl, apiKey) {
    const outcome = await checkIntegrations({ ...options.inputs, 'api-key': apiKey ?? '', 'api-url': apiUrl ?? '' }, { onRetry: message => io.stderr(`${message}\n`), env: io.env });
    if (options.json)
        io.stdout(reportJson(buildReport(outcome)));
    else
        io.stdout(renderTerminalReport(outcome, io.isTty && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb'));
    return exitCode(outcome);
}
const DEMO_KEY = 'demo-key-not-a-secret';
const DEMO_ENTRIES = 'x=x:acme,linkedin=linkedin-page:acme-inc,bluesky:*';
async function demo(options, io) {
    const standIn = await startPostizStandIn({ integrations: SAMPLE_INTEGRATIONS, apiKey: DEMO_KEY });
    try {
        const demoOptions = { ...options, inputs: { integrations: DEMO_ENTRIES, ...options.inputs } };
        if (!options.json) {
            io.stdout(`Demo: a sample Postiz organisation is served on ${standIn.baseUrl} (no account needed).\n` +
                `$ POSTIZ_API_URL=${standIn.baseUrl} postiz-integrations-check --integrations ${demoOptions.inputs.integrations?.replace(/\n/g, ',')}\n\n`);
        }
        const code = await check(demoOptions, io, standIn.baseUrl, DEMO_KEY);
        if (!options.json) {
            io.stdout('\nOn your own organisation: export POSTIZ_API_KEY=… (Settings → Public API), then run without --demo.\n');
        }
        return code;
    }
    finally {
        await standIn.close();
    }
}
/** Runs the CLI with the given arguments; returns the exit code. */
async function main(argv, io) {
    const parsed = parseCliArgs(argv);
    if (!parsed.ok) {
        io.stderr(`${NAME}: ${sanitize_logSafe(parsed.error, 600)}\n`);
        return EXIT.error;
    }
    const { options } = parsed;
    if (options.help) {
        io.stdout(USAGE);
        return EXIT.pass;
    }
    if (options.version) {
        io.stdout(`${NAME} ${VERSION}\n`);
        return EXIT.pass;
    }
    if (options.demo)
        return demo(options, io);
    return check(options, io, io.env.POSTIZ_API_URL, io.env.POSTIZ_API_KEY);
}


/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(809);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
