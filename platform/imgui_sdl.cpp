#include "platform/imgui_sdl.h"

#include <SDL.h>
#include <imgui/backends/imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cmath>
#include <vector>

static void make_current(ImGuiSdl& g) {
    ImGui::SetCurrentContext(g.context);
}

static void destroy_font_texture(ImGuiSdl& g) {
    if (g.font_texture) SDL_DestroyTexture(g.font_texture);
    g.font_texture = nullptr;
    g.font_w = g.font_h = 0;
    g.font_rotate = 0;
    if (g.context) ImGui::GetIO().Fonts->SetTexID(nullptr);
}

void open_imgui(SDL_Renderer* renderer, ImGuiSdl& out) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    out = ImGuiSdl{};
    out.context = ImGui::CreateContext();
    out.renderer = renderer;
    make_current(out);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing to remember between runs, and no file writes on a kiosk
    io.LogFilename = nullptr;
    // The stock backend keeps its renderer; its own font texture is never made, because
    // ImGui_ImplSDLRenderer_NewFrame() is not called: upload_imgui_fonts() sets the TexID.
    ImGui_ImplSDLRenderer_Init(renderer);
    SDL_RendererInfo info{};
    out.stock_backend = SDL_GetRendererInfo(renderer, &info) == 0 && !(info.flags & SDL_RENDERER_SOFTWARE);
    if (previous) ImGui::SetCurrentContext(previous);
}

void close_imgui(ImGuiSdl& g) {
    if (!g.context) return;
    make_current(g);
    destroy_font_texture(g);
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(g.context);
    g = ImGuiSdl{};
}

ImFontAtlas& imgui_fonts(ImGuiSdl& g) {
    make_current(g);
    return *ImGui::GetIO().Fonts;
}

// The atlas's alpha at texel (x, y) of its copy turned by `rotate`.
static unsigned char turned_alpha(const unsigned char* a, int w, int h, int x, int y, int rotate) {
    switch (rotate) {
        case 90:
            return a[std::size_t(h - 1 - x) * std::size_t(w) + std::size_t(y)];
        case 180:
            return a[std::size_t(h - 1 - y) * std::size_t(w) + std::size_t(w - 1 - x)];
        case 270:
            return a[std::size_t(x) * std::size_t(w) + std::size_t(w - 1 - y)];
        default:
            return a[std::size_t(y) * std::size_t(w) + std::size_t(x)];
    }
}

// The atlas's alpha pixels as a white ARGB8888 texture, turned by `rotate`. ImGui's own RGBA32
// copy of the atlas would be a second full-size buffer next to the texture (16 MB for a
// 2048x2048 atlas); this converts a band of rows at a time instead. ARGB8888 is also what the
// slide textures use, so the software renderer blits glyphs without a format conversion.
static SDL_Texture* make_font_texture(SDL_Renderer* r, const unsigned char* alpha, int w, int h, int rotate) {
    const bool swap = rotate == 90 || rotate == 270;
    const int tw = swap ? h : w, th = swap ? w : h;
    SDL_Texture* t = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, tw, th);
    if (!t) return nullptr;
    constexpr int kBandRows = 64;
    std::vector<Uint32> band(std::size_t(tw) * kBandRows);
    for (int y0 = 0; y0 < th; y0 += kBandRows) {
        const int rows = std::min(kBandRows, th - y0);
        for (int y = 0; y < rows; ++y)
            for (int x = 0; x < tw; ++x)
                band[std::size_t(y) * std::size_t(tw) + std::size_t(x)] =
                    Uint32(turned_alpha(alpha, w, h, x, y0 + y, rotate)) << 24 | 0xFFFFFFu;
        const SDL_Rect rect{0, y0, tw, rows};
        if (SDL_UpdateTexture(t, &rect, band.data(), tw * 4) != 0) {
            SDL_DestroyTexture(t);
            return nullptr;
        }
    }
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return t;
}

// SDL's software renderer maps a glyph quad's UVs back to texels by truncating uv * size: a uv
// that lands an ulp under its texel's edge (uv = texel * (1 / size) rounds either way, by the
// atlas's size and where the glyph was packed) takes a row or column short, and SDL stretches
// the glyph by a pixel. Each glyph's UVs are nudged up to their edge, so what is drawn does not
// depend on the atlas's layout (a GPU samples the same texels: the change is an ulp).
static float exact_uv(float uv, int size) {
    const float texel = std::round(uv * float(size));
    while (uv * float(size) < texel) uv = std::nextafter(uv, 2.0f);
    return uv;
}

static void snap_glyph_uvs(ImFontAtlas& atlas, int w, int h) {
    for (ImFont* font : atlas.Fonts)
        for (ImFontGlyph& g : font->Glyphs) {
            g.U0 = exact_uv(g.U0, w);
            g.V0 = exact_uv(g.V0, h);
            g.U1 = exact_uv(g.U1, w);
            g.V1 = exact_uv(g.V1, h);
        }
}

std::optional<std::string> upload_imgui_fonts(ImGuiSdl& g, int rotate) {
    make_current(g);
    destroy_font_texture(g);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (!atlas.Build()) return "cannot build the font atlas";
    unsigned char* alpha = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&alpha, &w, &h);
    snap_glyph_uvs(atlas, w, h);
    g.font_texture = alpha ? make_font_texture(g.renderer, alpha, w, h, rotate) : nullptr;
    // The texture holds the pixels now; the atlas's copy is not needed until the next rebuild.
    atlas.ClearTexData();
    if (!g.font_texture)
        return "cannot create the " + std::to_string(w) + "x" + std::to_string(h) +
               " font texture: " + SDL_GetError();
    atlas.SetTexID(g.font_texture);
    g.font_w = w;
    g.font_h = h;
    g.font_rotate = rotate;
    return std::nullopt;
}

ImDrawList* begin_imgui_frame(ImGuiSdl& g, int width, int height) {
    make_current(g);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(width), float(height));
    // Frames are drawn on demand, not on a clock: the delta only has to be positive.
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    return ImGui::GetBackgroundDrawList();
}

// ---- rendering ----------------------------------------------------------------------------
// Instead of ImGui_ImplSDLRenderer_RenderDrawData, which sends every triangle through the font
// texture. SDL's software renderer samples, modulates and blends each pixel of a textured
// triangle, which made a 1920x1080 slide of panels cost ~55 ms. Shapes in ImGui all use the
// atlas's white pixel, so they can be drawn untextured, and opaque one-colour triangles with no
// blending: SDL then fills spans. Glyphs stay textured. Runs keep ImGui's painter's order.

enum class RunKind { Glyphs, SolidOpaque, SolidBlended };

static RunKind kind_of(const ImDrawVert* v, const ImDrawIdx* idx, ImVec2 white) {
    const ImDrawVert& a = v[idx[0]];
    const ImDrawVert& b = v[idx[1]];
    const ImDrawVert& c = v[idx[2]];
    auto is_white = [&](const ImDrawVert& p) { return p.uv.x == white.x && p.uv.y == white.y; };
    if (!is_white(a) || !is_white(b) || !is_white(c)) return RunKind::Glyphs;
    const bool opaque_uniform = a.col == b.col && a.col == c.col && (a.col >> IM_COL32_A_SHIFT) == 0xFF;
    return opaque_uniform ? RunKind::SolidOpaque : RunKind::SolidBlended;
}

// Whether the six indices at idx are ImGui's rectangle (a b c, a c d; a top left, clockwise) of
// one colour, upright on the output: SDL copies such a pair as a rectangle too (see below).
static bool is_plain_rect(const ImDrawVert* v, const ImDrawIdx* idx) {
    const ImDrawIdx a = idx[0];
    if (idx[1] != a + 1 || idx[2] != a + 2 || idx[3] != a || idx[4] != a + 2 || idx[5] != a + 3) return false;
    const ImDrawVert *p = v + a, *q = p + 1, *c = p + 2, *d = p + 3;
    return p->pos.y == q->pos.y && q->pos.x == c->pos.x && c->pos.y == d->pos.y && d->pos.x == p->pos.x &&
           p->pos.x < c->pos.x && p->pos.y < c->pos.y && p->col == q->col && p->col == c->col &&
           p->col == d->col;
}

// An opaque one-colour run: its rectangles as fills with no blending, the rest as triangles, in
// order. SDL's software renderer recognises a rectangle among triangles too, but then always
// fills it with per-pixel blending, even an opaque one: that was most of a cold slide draw
// (panels, bars, the background), where a plain fill writes the same pixels at memset speed.
static void draw_opaque_run(SDL_Renderer* r, const ImDrawVert* vtx, int vtx_count, const ImDrawIdx* idx,
                            int idx_count) {
    const char* base = reinterpret_cast<const char*>(vtx);
    const float* xy = reinterpret_cast<const float*>(base + IM_OFFSETOF(ImDrawVert, pos));
    const SDL_Color* col = reinterpret_cast<const SDL_Color*>(base + IM_OFFSETOF(ImDrawVert, col));
    const int stride = int(sizeof(ImDrawVert));
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    int i = 0;
    while (i < idx_count) {
        int j = i;  // triangles up to the next plain rectangle
        while (j + 6 <= idx_count && !is_plain_rect(vtx, idx + j)) j += 3;
        if (j + 6 > idx_count) j = idx_count;
        if (j > i)
            SDL_RenderGeometryRaw(r, nullptr, xy, stride, col, stride, nullptr, 0, vtx_count, idx + i, j - i,
                                  int(sizeof(ImDrawIdx)));
        for (; j + 6 <= idx_count && is_plain_rect(vtx, idx + j); j += 6) {
            const ImDrawVert& a = vtx[idx[j]];
            const ImDrawVert& c = vtx[idx[j + 2]];
            const ImU32 k = a.col;  // ABGR: R in the low byte
            const SDL_FRect rect{a.pos.x, a.pos.y, c.pos.x - a.pos.x, c.pos.y - a.pos.y};
            SDL_SetRenderDrawColor(r, Uint8(k), Uint8(k >> 8), Uint8(k >> 16), Uint8(k >> 24));
            SDL_RenderFillRectF(r, &rect);
        }
        i = j;
    }
}

static void draw_run(SDL_Renderer* r, SDL_Texture* font, RunKind kind, const ImDrawVert* vtx, int vtx_count,
                     const ImDrawIdx* idx, int idx_count) {
    const char* base = reinterpret_cast<const char*>(vtx);
    const float* xy = reinterpret_cast<const float*>(base + IM_OFFSETOF(ImDrawVert, pos));
    const float* uv = reinterpret_cast<const float*>(base + IM_OFFSETOF(ImDrawVert, uv));
    const SDL_Color* col = reinterpret_cast<const SDL_Color*>(base + IM_OFFSETOF(ImDrawVert, col));
    const int stride = int(sizeof(ImDrawVert));
    if (kind == RunKind::Glyphs) {
        SDL_RenderGeometryRaw(r, font, xy, stride, col, stride, uv, stride, vtx_count, idx, idx_count,
                              int(sizeof(ImDrawIdx)));
        return;
    }
    if (kind == RunKind::SolidOpaque) return draw_opaque_run(r, vtx, vtx_count, idx, idx_count);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometryRaw(r, nullptr, xy, stride, col, stride, nullptr, 0, vtx_count, idx, idx_count,
                          int(sizeof(ImDrawIdx)));
}

static void draw_command(SDL_Renderer* r, const ImDrawList* list, const ImDrawCmd& cmd, ImVec2 white) {
    const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
    const int vtx_count = list->VtxBuffer.Size - int(cmd.VtxOffset);
    const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
    SDL_Texture* font = static_cast<SDL_Texture*>(cmd.GetTexID());
    const int n = int(cmd.ElemCount);
    int start = 0;
    while (start < n) {
        const RunKind kind = kind_of(vtx, idx + start, white);
        int end = start + 3;
        while (end < n && kind_of(vtx, idx + end, white) == kind) end += 3;
        draw_run(r, font, kind, vtx, vtx_count, idx + start, end - start);
        start = end;
    }
}

// The output is out_w x out_h; clip rectangles are already in output coordinates.
static void render_draw_data(SDL_Renderer* r, const ImDrawData* dd, ImVec2 white, int out_w, int out_h) {
    if (out_w <= 0 || out_h <= 0) return;
    SDL_RenderSetViewport(r, nullptr);
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;  // the kiosk registers no callbacks
            const float x0 = std::max(cmd.ClipRect.x, 0.0f);
            const float y0 = std::max(cmd.ClipRect.y, 0.0f);
            const float x1 = std::min(cmd.ClipRect.z, float(out_w));
            const float y1 = std::min(cmd.ClipRect.w, float(out_h));
            if (x1 <= x0 || y1 <= y0) continue;
            const SDL_Rect clip{int(x0), int(y0), int(x1 - x0), int(y1 - y0)};
            SDL_RenderSetClipRect(r, &clip);
            draw_command(r, list, cmd, white);
        }
    }
    SDL_RenderSetClipRect(r, nullptr);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
}

ImVec2 turn_point(ImVec2 p, int rotate, float w, float h) {
    switch (rotate) {
        case 90:
            return {h - p.y, p.x};
        case 180:
            return {w - p.x, h - p.y};
        case 270:
            return {p.y, w - p.x};
        default:
            return p;
    }
}

ImVec4 turn_rect(ImVec4 r, int rotate, float w, float h) {
    const ImVec2 a = turn_point({r.x, r.y}, rotate, w, h), b = turn_point({r.z, r.w}, rotate, w, h);
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
}

// ImGui writes a rectangle (a glyph, a filled rect) as four vertices a b c d clockwise from the
// top left, indexed a b c, a c d. Turned, a is no longer the top left; SDL's software renderer
// copies such a quad as a rectangle only when it is, and otherwise rasterises two triangles,
// which loses 1-pixel strokes of glyphs. Moving the vertices round by the turn restores the order.
static void restart_quads(ImDrawVert* vtx, const ImDrawIdx* idx, int count, int quarter_turns) {
    if (quarter_turns % 4 == 0) return;
    for (int i = 0; i + 6 <= count; i += 6) {
        const ImDrawIdx a = idx[i];
        const bool quad = idx[i + 1] == a + 1 && idx[i + 2] == a + 2 && idx[i + 3] == a &&
                          idx[i + 4] == a + 2 && idx[i + 5] == a + 3;
        if (!quad) continue;
        ImDrawVert* q = vtx + a;
        std::rotate(q, q + (4 - quarter_turns % 4), q + 4);
    }
}

// A texture coordinate as the atlas turned for the output has it. Turning (1 - v) loses the
// exactness exact_uv gave ImGui's UVs, and SDL then copied turned glyphs a row short, stretched
// (SDL_Blit_..._Modulate_Blend_Scale: turned cold draws cost 6.1 ms where upright ones 3.5):
// snapped again to the turned atlas's texel edges. Upright UVs are left as they are.
static float edge_uv(float t, int size) {
    const float texel = std::round(t * float(size));
    if (std::fabs(t * float(size) - texel) > 1e-3f) return t;  // not an edge: the white pixel's centre
    return exact_uv(texel / float(size), size);
}

static ImVec2 turned_uv(const ImGuiSdl& g, ImVec2 uv, int rotate) {
    if (rotate == 0) return uv;
    const bool swap = rotate == 90 || rotate == 270;
    const ImVec2 t = turn_point(uv, rotate, 1, 1);
    return {edge_uv(t.x, swap ? g.font_h : g.font_w), edge_uv(t.y, swap ? g.font_w : g.font_h)};
}

// Moves the frame to the output's origin and turns it. The vertex buffers are ImGui's scratch
// for this frame only (rebuilt by the next NewFrame), so they are changed in place. Texture
// coordinates turn with the atlas (see upload_imgui_fonts): a glyph then maps onto its texels
// without a turn, which SDL's software renderer copies exactly. (Sampling a transposed glyph
// through SDL's triangle code drops 1-pixel strokes: an "l" at body size vanished.)
static void place_draw_data(const ImGuiSdl& g, ImDrawData* dd, int rotate) {
    const ImVec2 o = dd->DisplayPos;
    const float w = dd->DisplaySize.x, h = dd->DisplaySize.y;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        ImDrawList* list = dd->CmdLists[n];
        for (ImDrawVert& v : list->VtxBuffer) {
            v.pos = turn_point({v.pos.x - o.x, v.pos.y - o.y}, rotate, w, h);
            v.uv = turned_uv(g, v.uv, rotate);
        }
        for (ImDrawCmd& cmd : list->CmdBuffer) {
            const ImVec4 c = cmd.ClipRect;
            cmd.ClipRect = turn_rect({c.x - o.x, c.y - o.y, c.z - o.x, c.w - o.y}, rotate, w, h);
            restart_quads(list->VtxBuffer.Data + cmd.VtxOffset, list->IdxBuffer.Data + cmd.IdxOffset,
                          int(cmd.ElemCount), rotate / 90);
        }
    }
}

// Our loop's drawing of a frame (or a standalone list) of dd->DisplaySize, turned by `rotate`.
static void render_turned(const ImGuiSdl& g, ImDrawData* dd, int rotate) {
    place_draw_data(g, dd, rotate);
    // The same arithmetic as for the vertices, so the white pixel is still recognised exactly.
    const ImVec2 white = turned_uv(g, ImGui::GetIO().Fonts->TexUvWhitePixel, rotate);
    const bool swap = rotate == 90 || rotate == 270;
    const int w = int(dd->DisplaySize.x), h = int(dd->DisplaySize.y);
    render_draw_data(g.renderer, dd, white, swap ? h : w, swap ? w : h);
}

void end_imgui_frame(ImGuiSdl& g, int rotate) {
    make_current(g);
    ImGui::Render();
    ImDrawData* dd = ImGui::GetDrawData();
    if (rotate != g.font_rotate) return;  // the atlas is turned for another output: see the header
    if (g.stock_backend && rotate == 0) return ImGui_ImplSDLRenderer_RenderDrawData(dd);
    render_turned(g, dd, rotate);
}

void begin_standalone_list(ImGuiSdl& g, ImDrawList& list, int width, int height) {
    make_current(g);
    list._ResetForNewFrame();
    list.Flags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedLinesUseTex |
                 ImDrawListFlags_AntiAliasedFill | ImDrawListFlags_AllowVtxOffset;
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.PushClipRect({0, 0}, {float(width), float(height)});
}

void render_draw_list(ImGuiSdl& g, ImDrawList& list, int width, int height, int rotate) {
    make_current(g);
    if (rotate != g.font_rotate) return;
    // An empty trailing command (left by PushClipRect and friends) is harmless but skipped.
    ImDrawList* lists[] = {&list};
    ImDrawData dd;
    dd.Valid = true;
    dd.CmdLists = lists;
    dd.CmdListsCount = 1;
    dd.TotalVtxCount = list.VtxBuffer.Size;
    dd.TotalIdxCount = list.IdxBuffer.Size;
    dd.DisplayPos = {0, 0};
    dd.DisplaySize = {float(width), float(height)};
    dd.FramebufferScale = {1, 1};
    if (g.stock_backend && rotate == 0) return ImGui_ImplSDLRenderer_RenderDrawData(&dd);
    render_turned(g, &dd, rotate);
}
