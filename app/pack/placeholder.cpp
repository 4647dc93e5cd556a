// placeholder until the shell lands
namespace zj {}
