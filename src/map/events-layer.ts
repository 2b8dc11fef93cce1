/**
 * The events layer: a MapLibre custom WebGL layer over static buffers of time-sorted events. A range
 * change only changes which index sub-range is drawn (two integers); type filters are a uniform bitmask.
 * Nothing is re-parsed, re-tiled or re-uploaded on the slider's hot path (DESIGN.md, performance).
 *
 * Events at the same place are spread on a golden-angle spiral in screen pixels (each keeps its slot as
 * the range moves), so a town with many events stays readable at every zoom.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import KDBush from 'kdbush';
import { EVENT_TYPE_STYLES, SHAPE_CODES, parseHexColor } from '../data/event-style';

/** Events in date order, as columns. Index i of every array is the i-th event by date. */
export interface EventColumns {
  count: number;
  /** Web Mercator x, y in 0..1. */
  x: Float32Array;
  y: Float32Array;
  /** Index into EVENT_TYPES. */
  type: Uint8Array;
  /** Position on its place's spiral (0 at the centre). */
  slot: Uint16Array;
  /** First and last day (days since 1970-01-01) of each event. */
  day: Float32Array;
  dayEnd: Float32Array;
}

export interface EventsLayerState {
  /** Sorted-index sub-range drawn: [lo, hi). */
  lo: number;
  hi: number;
  /**
   * The range in days, both included. The sub-range can hold events that ended before `from` (when a
   * multi-day event that started earlier sits among them); the shader drops those.
   */
  from: number;
  to: number;
  /** Bit i set: EVENT_TYPES[i] is shown. */
  typeMask: number;
  /** 1 where an event is hidden by another filter (actor, article); null when none is. */
  hidden: Uint8Array | null;
  /** Outline colour of the marks (light on dark maps). */
  halo: string;
  /** Sorted index of the selected event, drawn again with a ring; -1 for none. */
  selected: number;
  /** Colour of the selection ring. */
  ring: string;
  /** Mark colours per type, in EVENT_TYPES order (themed). */
  colors: readonly string[];
}

const SPIRAL_PX = 6.5;
const SIZE_PX = 13;
/** Slots beyond this stack on the outermost ring rather than spiral out of the town. */
const MAX_SLOT = 400;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Pixel offset of a spiral slot (y down). Shared by the shader and the CPU picking. */
export function slotOffset(slot: number): [number, number] {
  const s = Math.min(slot, MAX_SLOT);
  const r = SPIRAL_PX * Math.sqrt(s);
  return [r * Math.cos(s * GOLDEN_ANGLE), r * Math.sin(s * GOLDEN_ANGLE)];
}

const VERTEX = `#version 300 es
precision highp float;
uniform mat4 u_matrix;
uniform vec2 u_viewport;
uniform float u_size;
uniform float u_spiral;
uniform int u_mask;
uniform float u_from;
uniform float u_to;
in vec2 a_pos;
in float a_day;
in float a_dayEnd;
in float a_type;
in float a_slot;
in float a_hidden;
out float v_type;
void main() {
  int t = int(a_type + 0.5);
  if (((u_mask >> t) & 1) == 0 || a_hidden > 0.5 || a_day > u_to || a_dayEnd < u_from) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  vec4 p = u_matrix * vec4(a_pos, 0.0, 1.0);
  float s = min(a_slot, ${MAX_SLOT}.0);
  float r = u_spiral * sqrt(s);
  float a = s * ${GOLDEN_ANGLE.toFixed(8)};
  vec2 offset = vec2(r * cos(a), -r * sin(a));
  p.xy += offset * 2.0 / u_viewport * p.w;
  gl_Position = p;
  gl_PointSize = u_size;
  v_type = a_type;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform vec3 u_colors[${EVENT_TYPE_STYLES.length}];
uniform float u_shapes[${EVENT_TYPE_STYLES.length}];
uniform vec3 u_halo;
uniform vec3 u_ring;
uniform int u_highlight;
in float v_type;
out vec4 fragColor;
float plusShape(vec2 p) {
  return min(max(abs(p.x) - 0.28, abs(p.y) - 0.9), max(abs(p.x) - 0.9, abs(p.y) - 0.28));
}
void main() {
  int t = int(v_type + 0.5);
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  if (u_highlight == 1) {
    float r = length(p);
    if (r > 1.0 || r < 0.62) discard;
    fragColor = vec4(r > 0.9 || r < 0.7 ? u_halo : u_ring, 1.0);
    return;
  }
  vec2 q = vec2(p.x, -p.y);
  int shape = int(u_shapes[t] + 0.5);
  float d;
  if (shape == 0) d = max(abs(q.x) * 0.866 + q.y * 0.5, -q.y) - 0.5;
  else if (shape == 1) d = max(abs(p.x), abs(p.y)) - 0.72;
  else if (shape == 2) d = plusShape(mat2(0.7071, -0.7071, 0.7071, 0.7071) * p);
  else if (shape == 3) d = abs(length(p) - 0.62) - 0.24;
  else if (shape == 4) d = abs(p.x) + abs(p.y) - 0.95;
  else if (shape == 5) d = length(p) - 0.78;
  else if (shape == 6) d = max(abs(q.x) * 0.866 - q.y * 0.5, q.y) - 0.5;
  else if (shape == 7) d = plusShape(p);
  else if (shape == 8) d = abs(max(abs(p.x), abs(p.y)) - 0.56) - 0.2;
  else d = length(p) - 0.5;
  if (d > 0.0) discard;
  vec3 color = d > -0.2 ? u_halo : u_colors[t];
  fragColor = vec4(color, 1.0);
}`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('events layer: cannot create a shader');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
    throw new Error(`events layer: shader does not compile: ${gl.getShaderInfoLog(shader)}`);
  }
  return shader;
}

/** The custom layer. Create once per data set; `setState` is the hot path. */
export class EventsLayer implements CustomLayerInterface {
  readonly id: string;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MapLibreMap | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private buffers: WebGLBuffer[] = [];
  private hiddenBuffer: WebGLBuffer | null = null;
  private uploadedHidden: Uint8Array | null | undefined = undefined;
  private uniforms: Record<string, WebGLUniformLocation | null> = {};
  private index: KDBush | null = null;
  private columns: EventColumns;
  private state: EventsLayerState;

  constructor(id: string, columns: EventColumns, state: EventsLayerState) {
    this.id = id;
    this.columns = columns;
    this.state = state;
  }

  /** The hot path: records the new range and filters and asks for one repaint. No data moves. */
  setState(state: EventsLayerState): void {
    this.state = state;
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    if (!('createVertexArray' in gl)) throw new Error('events layer: WebGL 2 is required');
    this.map = map;
    const program = gl.createProgram();
    if (!program) throw new Error('events layer: cannot create a program');
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
      throw new Error(`events layer: program does not link: ${gl.getProgramInfoLog(program)}`);
    }
    this.program = program;
    // Every active uniform, by name (arrays are reported as `name[0]`).
    const uniformCount = gl.getProgramParameter(program, gl.ACTIVE_UNIFORMS) as number;
    for (let i = 0; i < uniformCount; i++) {
      const name = gl.getActiveUniform(program, i)?.name.replace(/\[0\]$/, '');
      if (name) this.uniforms[name] = gl.getUniformLocation(program, name);
    }
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    const { x, y, type, slot, count } = this.columns;
    const pos = new Float32Array(count * 2);
    for (let i = 0; i < count; i++) {
      pos[2 * i] = x[i];
      pos[2 * i + 1] = y[i];
    }
    this.attribute(gl, program, 'a_pos', pos, 2, gl.FLOAT);
    this.attribute(gl, program, 'a_type', type, 1, gl.UNSIGNED_BYTE);
    this.attribute(gl, program, 'a_slot', slot, 1, gl.UNSIGNED_SHORT);
    this.attribute(gl, program, 'a_day', this.columns.day, 1, gl.FLOAT);
    this.attribute(gl, program, 'a_dayEnd', this.columns.dayEnd, 1, gl.FLOAT);
    this.hiddenBuffer = this.attribute(gl, program, 'a_hidden', new Uint8Array(count), 1, gl.UNSIGNED_BYTE);
    gl.bindVertexArray(null);
  }

  private attribute(
    gl: WebGL2RenderingContext,
    program: WebGLProgram,
    name: string,
    data: ArrayBufferView,
    size: number,
    type: number,
  ): WebGLBuffer {
    const buffer = gl.createBuffer();
    if (!buffer) throw new Error('events layer: cannot create a buffer');
    this.buffers.push(buffer);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
    const location = gl.getAttribLocation(program, name);
    gl.enableVertexAttribArray(location);
    gl.vertexAttribPointer(location, size, type, false, 0, 0);
    return buffer;
  }

  render(glContext: WebGLRenderingContext | WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const gl = glContext as WebGL2RenderingContext;
    const { lo, hi, from, to, typeMask, hidden, halo, selected, ring } = this.state;
    if (!this.program || hi <= lo) return;
    // Filters other than type and time change rarely: upload their flags only when they change.
    if (hidden !== this.uploadedHidden && this.hiddenBuffer) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.hiddenBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, hidden ?? new Uint8Array(this.columns.count));
      this.uploadedHidden = hidden;
    }
    const ratio = window.devicePixelRatio || 1;
    gl.useProgram(this.program);
    // `mainMatrix` maps Web Mercator 0..1 to clip space (MapLibre's custom layer example does the same);
    // `modelViewProjectionMatrix` works in world pixels.
    gl.uniformMatrix4fv(
      this.uniforms.u_matrix,
      false,
      Float32Array.from(options.defaultProjectionData.mainMatrix),
    );
    gl.uniform2f(this.uniforms.u_viewport, gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.uniform1f(this.uniforms.u_size, SIZE_PX * ratio);
    gl.uniform1f(this.uniforms.u_spiral, SPIRAL_PX * ratio);
    gl.uniform1i(this.uniforms.u_mask, typeMask);
    gl.uniform1f(this.uniforms.u_from, from);
    gl.uniform1f(this.uniforms.u_to, to);
    gl.uniform3fv(
      this.uniforms.u_colors,
      EVENT_TYPE_STYLES.flatMap((s) => parseHexColor(s.color)),
    );
    gl.uniform1fv(
      this.uniforms.u_shapes,
      EVENT_TYPE_STYLES.map((s) => SHAPE_CODES[s.shape]),
    );
    gl.uniform3fv(this.uniforms.u_halo, parseHexColor(halo));
    gl.uniform3fv(this.uniforms.u_ring, parseHexColor(ring));
    gl.uniform1i(this.uniforms.u_highlight, 0);
    gl.bindVertexArray(this.vao);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.drawArrays(gl.POINTS, lo, hi - lo);
    if (selected >= lo && selected < hi) {
      gl.uniform1i(this.uniforms.u_highlight, 1);
      gl.uniform1f(this.uniforms.u_size, SIZE_PX * 2.2 * ratio);
      gl.drawArrays(gl.POINTS, selected, 1);
    }
    gl.bindVertexArray(null);
  }

  /**
   * The sorted index of the drawn event under a screen point, or -1. A k-d tree over the events' places
   * (built on first use) finds the candidates; their spiral offsets are then checked in pixels.
   */
  pick(px: number, py: number, hitRadiusPx = 9): number {
    const map = this.map;
    if (!map) return -1;
    const { lo, hi, from, to, typeMask, hidden } = this.state;
    const { x, y, type, slot, count, day, dayEnd } = this.columns;
    if (!this.index) {
      this.index = new KDBush(Math.max(count, 1));
      for (let i = 0; i < count; i++) this.index.add(x[i], y[i]);
      this.index.finish();
    }
    const worldPx = 512 * 2 ** map.getZoom();
    const reach = (SPIRAL_PX * Math.sqrt(MAX_SLOT) + hitRadiusPx) / worldPx;
    const lngLat = map.unproject([px, py]);
    const mx = (lngLat.lng + 180) / 360;
    const sin = Math.sin((lngLat.lat * Math.PI) / 180);
    const my = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    let best = -1;
    let bestD = hitRadiusPx * hitRadiusPx;
    for (const i of this.index.range(mx - reach, my - reach, mx + reach, my + reach)) {
      if (i < lo || i >= hi || day[i] > to || dayEnd[i] < from || !((typeMask >> type[i]) & 1) || hidden?.[i])
        continue;
      const [ox, oy] = slotOffset(slot[i]);
      const dx = (x[i] - mx) * worldPx + ox;
      const dy = (y[i] - my) * worldPx + oy;
      const d = dx * dx + dy * dy;
      if (d <= bestD) [best, bestD] = [i, d];
    }
    return best;
  }

  /** Screen position (CSS pixels) where the event at sorted index `i` is drawn, spiral offset included. */
  screenPosition(i: number): { x: number; y: number } | null {
    const map = this.map;
    if (!map || i < 0 || i >= this.columns.count) return null;
    const lon = this.columns.x[i] * 360 - 180;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * this.columns.y[i]))) * 180) / Math.PI;
    const p = map.project([lon, lat]);
    const [ox, oy] = slotOffset(this.columns.slot[i]);
    return { x: p.x + ox, y: p.y + oy };
  }

  onRemove(_map: MapLibreMap, glContext: WebGLRenderingContext | WebGL2RenderingContext): void {
    const gl = glContext as WebGL2RenderingContext;
    for (const buffer of this.buffers) gl.deleteBuffer(buffer);
    if (this.vao) gl.deleteVertexArray(this.vao);
    if (this.program) gl.deleteProgram(this.program);
    this.buffers = [];
    this.map = null;
  }
}
