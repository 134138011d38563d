#include "app/map/tessellate.h"

#include <GL/glu.h>

#include <cmath>
#include <deque>

namespace {

struct TessVertex {
    GLdouble xyz[3];
    std::uint32_t index;
};

// What the callbacks write to, passed as GLU's polygon data.
struct TessState {
    MapMesh* mesh;
    MapXY origin;                  // coordinates are given to GLU relative to this, for precision
    std::deque<TessVertex> store;  // stable addresses: GLU keeps pointers to these
    std::string error;
};

std::uint32_t add_vertex(TessState& s, double x, double y) {
    s.mesh->vertices.push_back({x + s.origin.x, y + s.origin.y});
    return std::uint32_t(s.mesh->vertices.size() - 1);
}

void GLAPIENTRY on_begin(GLenum, void*) {}
void GLAPIENTRY on_end(void*) {}
// With an edge-flag callback GLU emits separate triangles only (no fans or strips).
void GLAPIENTRY on_edge_flag(GLboolean, void*) {}

void GLAPIENTRY on_vertex(void* vertex, void* data) {
    auto* s = static_cast<TessState*>(data);
    s->mesh->indices.push_back(static_cast<TessVertex*>(vertex)->index);
}

void GLAPIENTRY on_combine(GLdouble coords[3], void* [4], GLfloat[4], void** out, void* data) {
    auto* s = static_cast<TessState*>(data);
    TessVertex v{{coords[0], coords[1], 0}, 0};
    v.index = add_vertex(*s, coords[0], coords[1]);
    s->store.push_back(v);
    *out = &s->store.back();
}

void GLAPIENTRY on_error(GLenum code, void* data) {
    auto* s = static_cast<TessState*>(data);
    const GLubyte* text = gluErrorString(code);
    s->error = std::string("GLU tessellator: ") + (text ? reinterpret_cast<const char*>(text) : "error");
}

}  // namespace

std::string tessellate(const std::vector<std::vector<MapXY>>& rings, MapMesh& out) {
    if (rings.empty() || rings[0].empty()) return {};
    GLUtesselator* tess = gluNewTess();
    if (!tess) return "GLU tessellator: out of memory";
    TessState s{&out, rings[0][0], {}, {}};
    gluTessCallback(tess, GLU_TESS_BEGIN_DATA, reinterpret_cast<_GLUfuncptr>(&on_begin));
    gluTessCallback(tess, GLU_TESS_END_DATA, reinterpret_cast<_GLUfuncptr>(&on_end));
    gluTessCallback(tess, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<_GLUfuncptr>(&on_edge_flag));
    gluTessCallback(tess, GLU_TESS_VERTEX_DATA, reinterpret_cast<_GLUfuncptr>(&on_vertex));
    gluTessCallback(tess, GLU_TESS_COMBINE_DATA, reinterpret_cast<_GLUfuncptr>(&on_combine));
    gluTessCallback(tess, GLU_TESS_ERROR_DATA, reinterpret_cast<_GLUfuncptr>(&on_error));
    gluTessProperty(tess, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    gluTessNormal(tess, 0, 0, 1);
    gluTessBeginPolygon(tess, &s);
    for (const auto& ring : rings) {
        gluTessBeginContour(tess);
        for (const MapXY& p : ring) {
            const double x = p.x - s.origin.x, y = p.y - s.origin.y;
            TessVertex v{{x, y, 0}, 0};
            v.index = add_vertex(s, x, y);
            s.store.push_back(v);
            gluTessVertex(tess, s.store.back().xyz, &s.store.back());
        }
        gluTessEndContour(tess);
    }
    gluTessEndPolygon(tess);
    gluDeleteTess(tess);
    return s.error;
}

double signed_area(const std::vector<MapXY>& ring) {
    double a = 0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const MapXY& p = ring[i];
        const MapXY& q = ring[(i + 1) % n];
        a += p.x * q.y - q.x * p.y;
    }
    return a / 2;
}

double mesh_area(const MapMesh& m) {
    double a = 0;
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
        const MapXY& p = m.vertices[m.indices[i]];
        const MapXY& q = m.vertices[m.indices[i + 1]];
        const MapXY& r = m.vertices[m.indices[i + 2]];
        a += std::abs((q.x - p.x) * (r.y - p.y) - (r.x - p.x) * (q.y - p.y)) / 2;
    }
    return a;
}
