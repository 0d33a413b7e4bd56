/**
 * XML Schemas of the GeoReport v2 resources and of mySociety's `servicerequestupdates`, written for the
 * tests from the specification's tables (wiki.open311.org/GeoReport_v2, /Service_Discovery, and mySociety's
 * Open311 extension as FixMyStreet reads it): the standard publishes its XML "schemaless", so these say what
 * its tables say — which elements, which of them a server must return, and the value types it names (W3C
 * date-times, booleans, the enumerated options).
 */

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">';
const TAIL = '</xs:schema>';

/** Text, with or without content. */
const text = (name: string, optional = true) =>
  `<xs:element name="${name}" type="xs:string" minOccurs="${optional ? 0 : 1}"/>`;
const typed = (name: string, type: string, optional = false) =>
  `<xs:element name="${name}" type="${type}" minOccurs="${optional ? 0 : 1}"/>`;

// W3C date-time with its zone, as the standard requires: xs:dateTime alone would admit a time without one.
const W3C_DATE_TIME = `
  <xs:simpleType name="w3cDateTime">
    <xs:restriction base="xs:dateTime">
      <xs:pattern value=".+(Z|[+\\-]\\d{2}:\\d{2})"/>
    </xs:restriction>
  </xs:simpleType>`;

const enumeration = (name: string, values: readonly string[]) => `
  <xs:simpleType name="${name}">
    <xs:restriction base="xs:string">
      ${values.map((v) => `<xs:enumeration value="${v}"/>`).join('\n      ')}
    </xs:restriction>
  </xs:simpleType>`;

/** Service discovery (Service_Discovery: "All fields are required"). */
export const DISCOVERY_XSD = `${HEAD}
  ${enumeration('endpointType', ['production', 'test'])}
  <xs:element name="discovery">
    <xs:complexType>
      <xs:all>
        ${text('changeset', false)}
        ${text('contact', false)}
        ${text('key_service', false)}
        <xs:element name="endpoints">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="endpoint" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:all>
                    ${typed('specification', 'xs:anyURI')}
                    ${typed('url', 'xs:anyURI')}
                    ${text('changeset', false)}
                    ${typed('type', 'endpointType')}
                    <xs:element name="formats">
                      <xs:complexType>
                        <xs:sequence>
                          <xs:element name="format" type="xs:string" maxOccurs="unbounded"/>
                        </xs:sequence>
                      </xs:complexType>
                    </xs:element>
                  </xs:all>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:all>
    </xs:complexType>
  </xs:element>
${TAIL}`;

/** GET Service List. */
export const SERVICES_XSD = `${HEAD}
  ${enumeration('serviceType', ['realtime', 'batch', 'blackbox'])}
  <xs:element name="services">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="service" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              ${text('service_code', false)}
              ${text('service_name', false)}
              ${text('description')}
              ${typed('metadata', 'xs:boolean')}
              ${typed('type', 'serviceType')}
              ${text('keywords')}
              ${text('group')}
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
${TAIL}`;

/** GET Service Definition. */
export const SERVICE_DEFINITION_XSD = `${HEAD}
  ${enumeration('datatype', ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'])}
  <xs:element name="service_definition">
    <xs:complexType>
      <xs:all>
        ${text('service_code', false)}
        <xs:element name="attributes">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="attribute" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:all>
                    ${typed('variable', 'xs:boolean')}
                    ${text('code', false)}
                    ${typed('datatype', 'datatype')}
                    ${typed('required', 'xs:boolean')}
                    ${text('datatype_description')}
                    ${typed('order', 'xs:positiveInteger')}
                    ${text('description', false)}
                    <xs:element name="values" minOccurs="0">
                      <xs:complexType>
                        <xs:sequence>
                          <xs:element name="value" minOccurs="0" maxOccurs="unbounded">
                            <xs:complexType>
                              <xs:all>
                                ${text('key', false)}
                                ${text('name', false)}
                              </xs:all>
                            </xs:complexType>
                          </xs:element>
                        </xs:sequence>
                      </xs:complexType>
                    </xs:element>
                  </xs:all>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:all>
    </xs:complexType>
  </xs:element>
${TAIL}`;

/** GET Service Requests and GET Service Request ("May not be returned" fields optional). */
export const SERVICE_REQUESTS_XSD = `${HEAD}
  ${W3C_DATE_TIME}
  ${enumeration('status', ['open', 'closed'])}
  <xs:element name="service_requests">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="request" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              ${text('service_request_id', false)}
              ${typed('status', 'status')}
              ${text('status_notes')}
              ${text('service_name', false)}
              ${text('service_code', false)}
              ${text('description')}
              ${text('agency_responsible')}
              ${text('service_notice')}
              ${typed('requested_datetime', 'w3cDateTime')}
              ${typed('updated_datetime', 'w3cDateTime')}
              ${typed('expected_datetime', 'w3cDateTime', true)}
              ${text('address')}
              ${text('address_id')}
              ${text('zipcode')}
              ${typed('lat', 'xs:decimal', true)}
              ${typed('long', 'xs:decimal', true)}
              ${typed('media_url', 'xs:anyURI', true)}
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
${TAIL}`;

/** POST Service Request's answer (a realtime server answers the id; a token may come with it). */
export const CREATED_REQUEST_XSD = `${HEAD}
  <xs:element name="service_requests">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="request" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              ${text('service_request_id', false)}
              ${text('token')}
              ${text('service_notice')}
              ${text('account_id')}
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
${TAIL}`;

/** GET service_request_id from a token. */
export const TOKEN_XSD = `${HEAD}
  <xs:element name="service_requests">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="request" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              ${text('service_request_id', false)}
              ${text('token', false)}
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
${TAIL}`;

/** mySociety's extended statuses (upper case, as FixMyStreet posts them). */
const EXTENDED = [
  'OPEN',
  'INVESTIGATING',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'NO_FURTHER_ACTION',
  'NOT_COUNCILS_RESPONSIBILITY',
  'DUPLICATE',
  'INTERNAL_REFERRAL',
  'FIXED',
  'CLOSED',
  'REOPEN',
  'FOR_TRIAGE',
];

/** GET servicerequestupdates (mySociety): every field required, media_url possibly empty. */
export const UPDATES_XSD = `${HEAD}
  ${W3C_DATE_TIME}
  ${enumeration('extendedStatus', EXTENDED)}
  <xs:element name="service_request_updates">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="request_update" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              ${text('update_id', false)}
              ${text('service_request_id', false)}
              ${typed('status', 'extendedStatus')}
              ${typed('updated_datetime', 'w3cDateTime')}
              ${text('description', false)}
              ${text('media_url', false)}
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
${TAIL}`;

/** POST servicerequestupdates' answer (mySociety). */
export const CREATED_UPDATE_XSD = `${HEAD}
  <xs:element name="service_request_updates">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="request_update" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              ${text('update_id', false)}
              ${text('account_id')}
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
${TAIL}`;

/** Errors ("Multiple errors codes and descriptions can be returned"). */
export const ERRORS_XSD = `${HEAD}
  <xs:element name="errors">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="error" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              ${typed('code', 'xs:integer')}
              ${text('description', false)}
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
${TAIL}`;
