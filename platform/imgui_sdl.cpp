#include "platform/imgui_sdl.h"

#include <SDL.h>
#include <imgui/backends/imgui_impl_sdlrenderer.h>
#include <imgui/imgui.h>

#include <algorithm>

static void make_current(ImGuiSdl& g) { ImGui::SetCurrentContext(g.context); }

void open_imgui(SDL_Renderer* renderer, ImGuiSdl& out) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    out.context = ImGui::CreateContext();
    out.renderer = renderer;
    make_current(out);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing to remember between runs, and no file writes on a kiosk
    io.LogFilename = nullptr;
    ImGui_ImplSDLRenderer_Init(renderer);
    if (previous) ImGui::SetCurrentContext(previous);
}

void close_imgui(ImGuiSdl& g) {
    if (!g.context) return;
    make_current(g);
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(g.context);
    g = ImGuiSdl{};
}

ImFontAtlas& imgui_fonts(ImGuiSdl& g) {
    make_current(g);
    return *ImGui::GetIO().Fonts;
}

std::optional<std::string> upload_imgui_fonts(ImGuiSdl& g) {
    make_current(g);
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    if (!ImGui::GetIO().Fonts->Build()) return "cannot build the font atlas";
    if (!ImGui_ImplSDLRenderer_CreateFontsTexture()) return "cannot create the font texture";
    // The texture holds the pixels now; the atlas's own copies (alpha and RGBA, 20 MB at
    // 1920x1080) are not needed again until the next rebuild.
    ImGui::GetIO().Fonts->ClearTexData();
    return std::nullopt;
}

ImDrawList* begin_imgui_frame(ImGuiSdl& g, int width, int height) {
    make_current(g);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(width), float(height));
    // Frames are drawn on demand, not on a clock: the delta only has to be positive.
    io.DeltaTime = 1.0f / 60.0f;
    ImGui_ImplSDLRenderer_NewFrame();
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
    SDL_SetRenderDrawBlendMode(r, kind == RunKind::SolidOpaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
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

static void render_draw_data(SDL_Renderer* r, const ImDrawData* dd, ImVec2 white) {
    const int fb_w = int(dd->DisplaySize.x), fb_h = int(dd->DisplaySize.y);
    if (fb_w <= 0 || fb_h <= 0) return;
    SDL_RenderSetViewport(r, nullptr);
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;  // the kiosk registers no callbacks
            const float x0 = std::max(cmd.ClipRect.x - dd->DisplayPos.x, 0.0f);
            const float y0 = std::max(cmd.ClipRect.y - dd->DisplayPos.y, 0.0f);
            const float x1 = std::min(cmd.ClipRect.z - dd->DisplayPos.x, float(fb_w));
            const float y1 = std::min(cmd.ClipRect.w - dd->DisplayPos.y, float(fb_h));
            if (x1 <= x0 || y1 <= y0) continue;
            const SDL_Rect clip{int(x0), int(y0), int(x1 - x0), int(y1 - y0)};
            SDL_RenderSetClipRect(r, &clip);
            draw_command(r, list, cmd, white);
        }
    }
    SDL_RenderSetClipRect(r, nullptr);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
}

void end_imgui_frame(ImGuiSdl& g) {
    make_current(g);
    ImGui::Render();
    render_draw_data(g.renderer, ImGui::GetDrawData(), ImGui::GetIO().Fonts->TexUvWhitePixel);
}
