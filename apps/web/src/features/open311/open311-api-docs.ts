/**
 * The open API's documentation, word for word the README's section on Open311: the console's 接口文档 tab
 * shows it, its examples pointing at the server the console is served from. One text, so the two never
 * drift apart.
 */
export const OPEN311_API_DOCS = `## Open311 (GeoReport v2)

Civic apps and integrators (FixMyStreet, Mark-a-Spot, a district's own app, a mini-program vendor, a bureau's system) report into the platform and read from it through **Open311 GeoReport v2** and mySociety's **servicerequestupdates** extension, under \`/open311/v2/\`. Every resource comes as \`.xml\` (the standard's required format, \`text/xml\`) and \`.json\` (the standard's Spark mapping of the XML); errors take the standard's shape – \`<errors><error><code/><description/></error></errors>\` or \`[{"code":…,"description":…}]\` – with 400, 403 (no live API key) or 404, and 429 past a key's hourly limit.

- **Services** are the catalog leaves the city publishes (系统管理 → 开放接口 → 开放服务, or \`PUT /api/v1/open311/services/:categoryId\`): \`service_code\` is the leaf's catalog code, \`group\` its area's name unless one is set, \`keywords\` and \`description\` the city's own words or the leaf's place in the catalog and its time limit; every service is \`realtime\`. A service definition lists its attributes (the plate number for 挪车 …) with the standard datatypes: string, number, datetime, text, singlevaluelist, multivaluelist.
- **API keys**: an administrator issues one per integrator on 开放接口 → API 密钥, or with \`POST /api/v1/open311/keys\` and \`{"name", "channelCode"?, "rateLimitPerHour"?}\`, which answers \`{ key, apiKey }\`. The key is shown that once and kept only as its SHA-256. Each key registers its requests on a channel of its own (\`open311_<n>\` unless named), counts against its own hourly limit (1,000 by default; a caller without a key, 600 per address), and can be revoked (\`POST /api/v1/open311/keys/:id/revoke\`). Writing needs a key (403 without); reading does not, but a key given must be live. Every call is audited (\`open311.called\`, never with its key).
- **POST requests** (form-encoded) registers a case on the platform's intake: source \`online\`, the key's channel, the service's catalog leaf and priority. \`lat\`/\`long\` in WGS-84 are converted to the platform's GCJ-02 and located to their grid, so the case goes to the centre of the district where it happened; or \`address_string\` alone. \`description\` (at most 4,000 characters), \`first_name\`, \`last_name\`, \`phone\`, \`email\`, \`media_url\` and \`attribute[code]\` are taken; the answers of the attributes are written into the case's content for the staff. It answers the case number at once as \`service_request_id\`, with a \`token\` for \`tokens/{token}\` and a \`service_notice\` naming the time limit.
- **GET requests** searches by \`service_request_id\` (a comma list, which overrides the rest), \`service_code\`, \`start_date\`/\`end_date\` (W3C date-times; the last 90 days by default, never more than 90) and \`status\` (open, closed): at most 1,000, newest first; \`requests/{id}\` reads one. A case is shown when it is filed under a published service or came through Open311, never when it is marked 保密, and nothing personal leaves: no name, phone or e-mail, the address without its house numbers, and the phones, ID numbers, bank cards and plates typed into its text masked. \`lat\`/\`long\` are WGS-84, \`agency_responsible\` is the handling unit, \`expected_datetime\` the deadline, \`status_notes\` the last public update – the approved answer once the unit replied.
- **servicerequestupdates** (GET, by \`start_date\`/\`end_date\`, oldest first, at most 1,000) lists every public event of the timelines with mySociety's extended status: registered OPEN, dispatched INVESTIGATING, accepted IN_PROGRESS, extension approved ACTION_SCHEDULED, answer approved FIXED (the answer, masked), closed or answered at once CLOSED, escalated INTERNAL_REFERRAL, merged DUPLICATE, passed to 110 NOT_COUNCILS_RESPONSIBILITY, void NO_FURTHER_ACTION, reopened or back from 110 OPEN. The staff's own steps (returns, reworks, progress notes, supervision, callbacks) never leave. POST adds a citizen's update (\`service_request_id\`, \`update_id\`, \`status\`, \`updated_datetime\`, \`description\`) to a request his app sent: it goes on the case's timeline as 群众补充 without moving the case, and the same \`update_id\` posted again answers the first update.
- \`jurisdiction_id\` is accepted on every call and ignored: a platform serves one city. Discovery is at \`/open311/v2/discovery.xml\` and \`.json\`.

\`\`\`sh
BASE=http://localhost:3000/open311/v2
# an administrator issues a key ($TOKEN: a bearer token from POST /api/v1/auth/login)
curl -s -X POST http://localhost:3000/api/v1/open311/keys -H "Authorization: Bearer $TOKEN" \\
     -H 'Content-Type: application/json' -d '{"name":"城市随手拍","channelCode":"suishoupai"}'
KEY=o311_…          # the "key" of the answer: shown this once

curl -s "$BASE/discovery.json"
curl -s "$BASE/services.xml"
CODE=$(curl -s "$BASE/services.json" | jq -r '.[] | select(.service_name=="挪车") | .service_code')
curl -s "$BASE/services/$CODE.json"                 # its attributes: plate, blocking

# a report from a phone: WGS-84, form-encoded; answers the case number at once
curl -s -X POST "$BASE/requests.json" --data-urlencode "api_key=$KEY" \\
     --data-urlencode "service_code=$CODE" -d lat=39.6712 -d long=106.8197 \\
     --data-urlencode "description=白色轿车堵住小区消防通道" \\
     --data-urlencode "attribute[plate]=蒙C12345" -d phone=13900000000
# [{"service_request_id":"WH20261123000123","token":"…","service_notice":"已受理，工单编号 WH20261123000123，办理时限 …"}]
curl -s -X POST "$BASE/requests.xml" --data-urlencode "api_key=$KEY" --data-urlencode "service_code=$CODE" \\
     --data-urlencode "address_string=海勃湾区滨河小区3号楼" --data-urlencode "attribute[plate]=蒙C54321"

curl -s "$BASE/requests/WH20261123000123.xml"
curl -s "$BASE/requests.json?service_code=$CODE&status=open&start_date=2026-11-01T00:00:00Z"
curl -s "$BASE/tokens/<token>.json"
curl -s "$BASE/servicerequestupdates.xml?start_date=2026-11-23T00:00:00Z&end_date=2026-11-24T00:00:00Z"
curl -s -X POST "$BASE/servicerequestupdates.json" --data-urlencode "api_key=$KEY" \\
     -d service_request_id=WH20261123000123 -d update_id=fms-1 -d status=OPEN \\
     -d updated_datetime=2026-11-23T10:00:00Z --data-urlencode "description=车还在，仍然堵着"

curl -s -X POST "$BASE/requests.json" -d service_code=$CODE                # 403: [{"code":403,"description":"api_key is required …"}]
curl -s -X POST "$BASE/requests.xml" --data-urlencode "api_key=$KEY"       # 400: <errors><error><code>400</code><description>service_code was not provided …
\`\`\`
`;

/** The server the examples of the documentation name. */
export const OPEN311_DOCS_ORIGIN = 'http://localhost:3000';
